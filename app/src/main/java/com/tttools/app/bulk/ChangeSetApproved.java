package com.tttools.app.bulk;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An ADMIN other than the author approved a change set; {@code author} may now apply it. */
public record ChangeSetApproved(ChangeSetRef changeSet, Actor approver, UserId author, String comment,
        RequestMetadata request, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        Map<String, Object> extra = new HashMap<>();
        if (comment != null) {
            extra.put("comment", comment);
        }
        return BulkEvents.entry("bulk_operation.approved", approver, changeSet, request, extra, at);
    }
}
