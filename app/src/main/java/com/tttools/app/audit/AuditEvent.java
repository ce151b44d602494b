package com.tttools.app.audit;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored audit event as the viewer shows it ({@code organizationId}/{@code workspaceId} may be null). */
public record AuditEvent(
        UUID id,
        Instant at,
        Actor actor,
        String action,
        String targetType,
        String targetId,
        OrganizationId organizationId,
        WorkspaceId workspaceId,
        RequestMetadata request,
        Map<String, Object> details) {
}
