package com.tttools.app.privacy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** An organization changed how long a data class is kept (published inside the change's transaction). */
public record RetentionChanged(OrganizationId organizationId, String dataClass, int before, int after, Actor actor,
        RequestMetadata request, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry("privacy.retention_changed", actor, "organization", organizationId.toString(),
                organizationId, null, request, Map.of("dataClass", dataClass, "before", before, "after", after), at);
    }
}
