package com.tttools.app.audit.internal;

import com.tttools.app.audit.ActorNames;
import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DefaultAuditLog implements AuditLog {

    static final int MIN_RETENTION_DAYS = 90;
    static final int MAX_RETENTION_DAYS = 3650;

    private final AuditChainWriter writer;
    private final AuditEventRepository events;
    private final RetentionRepository retention;
    private final ChainVerifier verifier;
    private final DetailsJson json;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final ObjectProvider<ActorNames> actorNames;

    DefaultAuditLog(AuditChainWriter writer, AuditEventRepository events, RetentionRepository retention,
            ChainVerifier verifier, DetailsJson json, AuditProperties properties, ObjectProvider<Clock> clocks,
            PlatformTransactionManager transactions, ObjectProvider<ActorNames> actorNames) {
        this.actorNames = actorNames;
        this.writer = writer;
        this.events = events;
        this.retention = retention;
        this.verifier = verifier;
        this.json = json;
        this.properties = properties;
        this.clock = AuditClock.of(clocks);
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public AuditEvent record(AuditEntry entry) {
        return writer.append(entry, clock.instant());
    }

    @Override
    public CursorPage<AuditEvent> search(AuditQuery query) {
        AuditFilter filter = AuditFilter.of(query, PageCursor.decode(query.cursor()));
        return PageCursor.page(events.search(filter, query.limit() + 1), query.limit(), AuditEvent::at, AuditEvent::id);
    }

    @Override
    public java.util.List<Actor> actors(AuditQuery query, int limit) {
        AuditQuery scope = AuditQuery.of(query.organizationId()).visibleTo(query.visibleWorkspaces());
        return events.actors(AuditFilter.of(scope, null), limit);
    }

    @Override
    public long streamCsv(AuditQuery query, Actor exportedBy, RequestMetadata request, Writer out) {
        Objects.requireNonNull(exportedBy, "exportedBy");
        AuditFilter filter = AuditFilter.of(query, null);
        long[] rows = {0};
        boolean completed = false;
        try {
            readOnly.executeWithoutResult(status -> {
                AuditCsv csv = new AuditCsv(out, json, names(filter));
                csv.header();
                events.stream(filter, event -> {
                    csv.row(event);
                    rows[0]++;
                });
            });
            flush(out);
            completed = true;
            return rows[0];
        } finally {
            recordExport(query, exportedBy, request, rows[0], completed);
        }
    }

    /** The names of the people the export lists: their distinct ids under the same filter, then one look-up. */
    private Map<UserId, String> names(AuditFilter filter) {
        ActorNames names = actorNames.getIfAvailable();
        if (names == null) {
            return Map.of();
        }
        java.util.List<UserId> users = events.actors(filter, Integer.MAX_VALUE).stream().map(Actor::userId).toList();
        return users.isEmpty() ? Map.of() : names.displayNames(users);
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void recordExport(AuditQuery query, Actor exportedBy, RequestMetadata request, long rows,
            boolean completed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", rows);
        details.put("completed", completed);
        details.put("filters", filtersOf(query));
        writer.append(new AuditEntry(AuditAction.AUDIT_EXPORTED.code(), exportedBy, "audit_log",
                query.organizationId().toString(), query.organizationId(), null, request, details, clock.instant()),
                clock.instant());
    }

    private static Map<String, Object> filtersOf(AuditQuery query) {
        Map<String, Object> filters = new LinkedHashMap<>();
        putIfSet(filters, "from", query.from());
        putIfSet(filters, "to", query.to());
        putIfSet(filters, "actorUserId", query.actorUserId());
        if (query.automaticOnly()) {
            filters.put("actor", AuditQuery.AUTOMATIC);
        }
        putIfSet(filters, "action", query.action());
        putIfSet(filters, "workspaceId", query.workspaceId());
        putIfSet(filters, "targetType", query.targetType());
        putIfSet(filters, "targetId", query.targetId());
        if (query.visibleWorkspaces() != null) {
            filters.put("visibleWorkspaces", query.visibleWorkspaces().stream().map(WorkspaceId::toString).sorted().toList());
        }
        return filters;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }

    @Override
    public ChainVerification verify(OrganizationId organizationId) {
        return verifier.verify(AuditChainWriter.organizationChain(organizationId));
    }

    @Override
    public int retentionDays(OrganizationId organizationId) {
        return retention.find(organizationId.value()).orElse(properties.defaultRetentionDays());
    }

    @Override
    public void setRetention(OrganizationId organizationId, int days, Actor changedBy, RequestMetadata request) {
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw new InvalidAuditInputException("days",
                    "must be between " + MIN_RETENTION_DAYS + " and " + MAX_RETENTION_DAYS);
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            int before = retentionDays(organizationId);
            retention.save(organizationId.value(), days, now);
            writer.append(new AuditEntry(AuditAction.AUDIT_RETENTION_CHANGED.code(), changedBy, "organization",
                    organizationId.toString(), organizationId, null, request,
                    Map.of("before", before, "after", days), now), now);
        });
    }
}
