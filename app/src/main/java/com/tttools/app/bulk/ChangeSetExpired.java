package com.tttools.app.bulk;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import java.time.Instant;
import java.util.Map;

/** Nobody approved a change set in time; it will never be applied. */
public record ChangeSetExpired(ChangeSetRef changeSet, UserId author, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return BulkEvents.entry("bulk_operation.expired", Actor.system("task:bulk-expiry"), changeSet, null, Map.of(),
                at);
    }
}
