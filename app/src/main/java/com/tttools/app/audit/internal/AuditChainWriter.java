package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to their chain. Inside one transaction: lock the chain's head row, link the new row to the
 * head's hash with the next seq, insert it, move the head. Writers of one chain therefore take turns, and a
 * concurrent writer sees the committed head once the lock is released.
 */
@Component
class AuditChainWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final AuditChainRepository chains;
    private final AuditEventRepository events;
    private final DetailsJson json;
    private final TransactionTemplate transaction;

    AuditChainWriter(AuditChainRepository chains, AuditEventRepository events, DetailsJson json,
            PlatformTransactionManager transactionManager) {
        this.chains = chains;
        this.events = events;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The chain an entry belongs to: its organization's, else its acting user's, else the system chain. */
    static String chainOf(AuditEntry entry) {
        if (entry.organizationId() != null) {
            return organizationChain(entry.organizationId());
        }
        if (entry.actor().userId() != null) {
            return "user:" + entry.actor().userId().value();
        }
        return "system";
    }

    static String organizationChain(OrganizationId organizationId) {
        return "org:" + organizationId.value();
    }

    /**
     * Appends the entry in the caller's transaction, or a new one. {@code now} is the recording time; it never
     * goes backwards within a chain, which keeps expired rows a prefix of the chain for the purge.
     */
    AuditEvent append(AuditEntry entry, Instant now) {
        validate(entry);
        return transaction.execute(status -> appendLocked(entry, now));
    }

    private AuditEvent appendLocked(AuditEntry entry, Instant now) {
        String chain = chainOf(entry);
        UUID organizationId = entry.organizationId() == null ? null : entry.organizationId().value();
        ChainState head = chains.lock(chain, organizationId);
        String details = events.canonicalJson(json.write(SecretRedactor.redact(entry.details())));
        Instant recordedAt = ChainHasher.toStoredPrecision(now);
        if (head.headRecordedAt() != null && head.headRecordedAt().isAfter(recordedAt)) {
            recordedAt = head.headRecordedAt();
        }
        Actor actor = entry.actor();
        RequestMetadata request = Clip.request(entry.request());
        AuditRow row = new AuditRow(
                UUID.randomUUID(),
                chain,
                head.headSeq() + 1,
                organizationId,
                entry.workspaceId() == null ? null : entry.workspaceId().value(),
                ChainHasher.toStoredPrecision(entry.occurredAt() == null ? now : entry.occurredAt()),
                recordedAt,
                actor.userId() == null ? null : actor.userId().value(),
                Clip.email(actor.email()),
                Clip.to(actor.system(), 200),
                entry.action(),
                Clip.to(entry.targetType(), 100),
                Clip.to(entry.targetId(), 200),
                request.ip(),
                request.userAgent(),
                request.requestId(),
                details,
                head.headHash(),
                null);
        row = row.withHash(ChainHasher.hash(row));
        events.insert(row);
        if (chains.advanceHead(chain, row.seq(), row.hash(), row.recordedAt()) != 1) {
            throw new IllegalStateException("Audit chain " + chain + " moved while locked");
        }
        return new AuditEvent(row.id(), row.occurredAt(), actor, row.action(), row.targetType(), row.targetId(),
                entry.organizationId(),
                row.workspaceId() == null ? null : new WorkspaceId(row.workspaceId()),
                new RequestMetadata(row.ip(), row.userAgent(), row.requestId()),
                json.read(details));
    }

    private static void validate(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.action() == null || entry.action().length() > 100 || !ACTION.matcher(entry.action()).matches()) {
            throw new IllegalArgumentException("Audit action must look like 'noun.verb_ed': " + entry.action());
        }
        Actor actor = entry.actor();
        if (actor == null || (actor.userId() == null && (actor.system() == null || actor.system().isBlank()))) {
            throw new IllegalArgumentException("Audit entry " + entry.action() + " needs a user or a system actor");
        }
        if (AuditAction.ofCode(entry.action()).isEmpty()) {
            log.warn("Audit action {} is not in the catalogue (docs/audit-actions.md); stored anyway", entry.action());
        }
    }
}
