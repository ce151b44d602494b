package com.tttools.app.bulk;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** A workspace ADMIN changed the approval policy or the guardrails. */
public record BulkPolicyChanged(WorkspaceId workspaceId, OrganizationId organizationId, Actor actor,
        BulkPolicy before, BulkPolicy after, RequestMetadata request, Instant at) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry("bulk_policy.changed", actor, "workspace", workspaceId.toString(), organizationId,
                workspaceId, request, Map.of("before", before, "after", after), at);
    }
}
