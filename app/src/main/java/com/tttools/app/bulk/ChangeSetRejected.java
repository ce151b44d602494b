package com.tttools.app.bulk;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** An ADMIN rejected a change set, with a reason; it will never be applied. */
public record ChangeSetRejected(ChangeSetRef changeSet, Actor rejecter, UserId author, String reason,
        RequestMetadata request, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return BulkEvents.entry("bulk_operation.rejected", rejecter, changeSet, request, Map.of("reason", reason), at);
    }
}
