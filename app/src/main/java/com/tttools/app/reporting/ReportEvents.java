package com.tttools.app.reporting;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** Past-tense events of the reporting module. */
public final class ReportEvents {

    private ReportEvents() {
    }

    /** A report CSV was downloaded: who, what, when, how many rows. */
    public record ReportExported(Actor actor, OrganizationId organizationId, WorkspaceId workspaceId, String level,
            String from, String to, String metrics, long rows, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return new AuditEntry("report.exported", actor, "report", level, organizationId, workspaceId, request,
                    Map.of("level", level, "from", from, "to", to, "metrics", metrics, "rows", rows), at);
        }
    }

    /** A report sync of one connection failed for good (out of attempts, or refused): {@code error} has no secret. */
    public record ReportSyncFailed(WorkspaceId workspaceId, java.util.UUID connectionId, String error, Instant at) {
    }

    /** The workspace's report data has not been refreshed by a successful sync since {@code lastSuccessAt}. */
    public record ReportDataStale(WorkspaceId workspaceId, Instant lastSuccessAt, java.time.Duration staleAfter,
            Instant at) {
    }

    /** A workspace admin entered or changed an exchange rate (units per 1 EUR); {@code before} null when new. */
    public record ExchangeRateSet(Actor actor, OrganizationId organizationId, WorkspaceId workspaceId, String currency,
            String date, String before, String after, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("currency", currency);
            details.put("date", date);
            details.put("before", before == null ? "none" : before);
            details.put("after", after);
            return new AuditEntry("exchange_rate.set", actor, "exchange_rate", currency + "@" + date, organizationId,
                    workspaceId, request, details, at);
        }
    }

    /** A workspace admin deleted an exchange rate they had entered. */
    public record ExchangeRateDeleted(Actor actor, OrganizationId organizationId, WorkspaceId workspaceId,
            String currency, String date, String perEur, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return new AuditEntry("exchange_rate.deleted", actor, "exchange_rate", currency + "@" + date,
                    organizationId, workspaceId, request, Map.of("currency", currency, "date", date, "perEur", perEur),
                    at);
        }
    }

    /** A report sync of one connection finished: the workspace's stored facts are as fresh as they get now. */
    public record ReportSyncFinished(WorkspaceId workspaceId, java.util.UUID connectionId, Instant at) {
    }
}
