package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what has outlived its retention: per chain, the audit rows recorded before now minus the
 * organization's retention (default for user and system chains), oldest first, in batches of at most
 * {@code purgeBatchSize} rows, each batch one transaction that holds the chain's lock and moves its anchor to
 * the last deleted row so that verification starts there. Then security events older than their retention.
 * Each chain that lost rows gets an {@code audit.purged} row with the count.
 */
@Component
class AuditPurge {

    static final Actor PURGE_JOB = Actor.system("job:audit-purge");
    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditChainRepository chains;
    private final AuditEventRepository events;
    private final SecurityEventRepository securityEvents;
    private final RetentionRepository retention;
    private final PurgePermission permission;
    private final AuditChainWriter writer;
    private final AuditProperties properties;
    private final TransactionTemplate transaction;

    AuditPurge(AuditChainRepository chains, AuditEventRepository events, SecurityEventRepository securityEvents,
            RetentionRepository retention, PurgePermission permission, AuditChainWriter writer,
            AuditProperties properties, PlatformTransactionManager transactions) {
        this.chains = chains;
        this.events = events;
        this.securityEvents = securityEvents;
        this.retention = retention;
        this.permission = permission;
        this.writer = writer;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    PurgeReport purgeExpired(Instant now) {
        Map<String, Long> purged = purgeChains(now);
        long security = purgeSecurityEvents(now.minus(Duration.ofDays(properties.securityRetentionDays())), now);
        log.info("Audit purge: {} audit rows in {} chains, {} security events", purged.values().stream()
                .mapToLong(Long::longValue).sum(), purged.size(), security);
        return new PurgeReport(purged, security);
    }

    /** The audit rows of every chain past its retention; the count per chain that lost rows. */
    Map<String, Long> purgeChains(Instant now) {
        Map<UUID, Integer> chosenDays = retention.all();
        Map<String, Long> purged = new LinkedHashMap<>();
        for (ChainState chain : chains.all()) {
            int days = chain.organizationId() == null ? properties.defaultRetentionDays()
                    : chosenDays.getOrDefault(chain.organizationId(), properties.defaultRetentionDays());
            Instant cutoff = now.minus(Duration.ofDays(days));
            try {
                long count = purgeChain(chain.chain(), cutoff);
                if (count > 0) {
                    purged.put(chain.chain(), count);
                    recordChainPurge(chain, count, cutoff, days, now);
                }
            } catch (RuntimeException e) {
                // One damaged chain must not stop the purge of the others; its rows stay until it is looked at.
                log.error("Audit purge of chain {} failed; its rows are kept", chain.chain(), e);
            }
        }
        return purged;
    }

    private long purgeChain(String chain, Instant cutoff) {
        long total = 0;
        while (true) {
            long batch = transaction.execute(status -> purgeBatch(chain, cutoff));
            total += batch;
            if (batch < properties.purgeBatchSize()) {
                return total;
            }
        }
    }

    private long purgeBatch(String chain, Instant cutoff) {
        permission.grant();
        ChainState state = chains.lockExisting(chain);
        List<AuditEventRepository.PurgedRow> deleted = events.deleteExpired(chain, cutoff, properties.purgeBatchSize());
        if (deleted.isEmpty()) {
            return 0;
        }
        long first = deleted.stream().mapToLong(AuditEventRepository.PurgedRow::seq).min().orElseThrow();
        AuditEventRepository.PurgedRow last = deleted.stream()
                .max(java.util.Comparator.comparingLong(AuditEventRepository.PurgedRow::seq)).orElseThrow();
        // Only a prefix of the chain may go, or what is left could no longer be verified from the anchor.
        if (first != state.anchorSeq() + 1 || last.seq() - first + 1 != deleted.size()) {
            throw new IllegalStateException("expired rows of " + chain + " are not a prefix of the chain (seq "
                    + first + ".." + last.seq() + ", " + deleted.size() + " rows, anchor " + state.anchorSeq() + ")");
        }
        chains.moveAnchor(chain, last.seq(), last.hash(), deleted.size());
        return deleted.size();
    }

    private void recordChainPurge(ChainState chain, long count, Instant cutoff, int days, Instant now) {
        OrganizationId organization = chain.organizationId() == null ? null : new OrganizationId(chain.organizationId());
        long anchorSeq = chains.find(chain.chain()).map(ChainState::anchorSeq).orElse(0L);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count);
        details.put("cutoff", cutoff.toString());
        details.put("retentionDays", days);
        details.put("anchorSeq", anchorSeq);
        String target = organization == null ? chain.chain() : organization.toString();
        writer.append(new AuditEntry(AuditAction.AUDIT_PURGED.code(), PURGE_JOB, "audit_log", target, organization,
                null, null, details, now), now);
    }

    /** Security events recorded before the cutoff. */
    long purgeSecurityEvents(Instant cutoff, Instant now) {
        int days = (int) Duration.between(cutoff, now).toDays();
        long total = 0;
        while (true) {
            int batch = transaction.execute(status -> {
                permission.grant();
                return securityEvents.deleteOlderThan(cutoff, properties.purgeBatchSize());
            });
            total += batch;
            if (batch < properties.purgeBatchSize()) {
                break;
            }
        }
        if (total > 0) {
            writer.append(new AuditEntry(AuditAction.AUDIT_PURGED.code(), PURGE_JOB, "security_events", null, null,
                    null, null, Map.of("count", total, "cutoff", cutoff.toString(), "retentionDays", days), now), now);
        }
        return total;
    }
}
