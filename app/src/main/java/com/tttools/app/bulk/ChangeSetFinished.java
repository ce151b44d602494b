package com.tttools.app.bulk;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applying a change set ended (SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED or CANCELLED) and was verified; {@code changes}
 * hold each written line's before and after; {@code reason} says why the apply job gave up before the end (null when it
 * did not). Audited as {@code bulk_operation.applied}, or
 * {@code bulk_operation.reverted} when the change set undid {@code revertOf}.
 */
public record ChangeSetFinished(ChangeSetRef changeSet, UserId author, JobId jobId, ChangeSetStatus status,
        ChangeSetView.Counts counts, String revertOf, List<Map<String, Object>> changes, String reason, Instant at)
        implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("status", status.name());
        extra.put("succeeded", counts.applied() + counts.verified() + counts.drifted());
        extra.put("failed", counts.failed());
        extra.put("skipped", counts.skipped());
        extra.put("verified", counts.verified());
        extra.put("drifted", counts.drifted());
        extra.put("changes", changes);
        if (reason != null) {
            extra.put("reason", reason);
        }
        if (revertOf != null) {
            extra.put("revertOf", revertOf);
        }
        return BulkEvents.entry(revertOf == null ? "bulk_operation.applied" : "bulk_operation.reverted",
                Actor.system("job:bulk.apply:" + jobId), changeSet, null, extra, at);
    }
}
