package com.tttools.app.shared.audit;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log as the acting module describes it. {@code action} comes from the catalogue in
 * docs/audit-actions.md; {@code details} hold before/after values and never a secret.
 */
public record AuditEntry(
        String action,
        Actor actor,
        String targetType,
        String targetId,
        OrganizationId organizationId,
        WorkspaceId workspaceId,
        RequestMetadata request,
        Map<String, Object> details,
        Instant occurredAt) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
        request = request == null ? RequestMetadata.none() : request;
    }
}
