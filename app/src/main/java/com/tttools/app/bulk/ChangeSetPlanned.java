package com.tttools.app.bulk;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A change set was planned (its lines read from TikTok); {@code revertOf} names the change set it undoes. */
public record ChangeSetPlanned(ChangeSetRef changeSet, Actor actor, ChangeSetStatus status, String revertOf,
        List<Map<String, Object>> changes, RequestMetadata request, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> extra = new HashMap<>();
        extra.put("status", status.name());
        extra.put("changes", changes);
        if (revertOf != null) {
            extra.put("revertOf", revertOf);
        }
        return BulkEvents.entry("bulk_operation.created", actor, changeSet, request, extra, at);
    }
}
