package com.tttools.app.bulk;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** Someone asked a change set to stop (an applying one stops after its current chunk) or dropped a planned one. */
public record ChangeSetCancelled(ChangeSetRef changeSet, Actor actor, ChangeSetStatus from, RequestMetadata request,
        Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return BulkEvents.entry("bulk_operation.cancelled", actor, changeSet, request, Map.of("from", from.name()), at);
    }
}
