package com.tttools.app.bulk;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** Someone (or the schedule) started applying a change set at TikTok, as job {@code jobId}. */
public record ChangeSetApplyStarted(ChangeSetRef changeSet, Actor actor, JobId jobId, RequestMetadata request,
        Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return BulkEvents.entry("bulk_operation.apply_started", actor, changeSet, request, Map.of("jobId", jobId.toString()), at);
    }
}
