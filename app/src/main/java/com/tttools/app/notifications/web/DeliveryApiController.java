package com.tttools.app.notifications.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's delivery log (workspace ADMIN): what went out, where (masked), and what became of it. */
@Tag(name = "Notifications")
@RestController
class DeliveryApiController {

    private final DeliveryLog log;
    private final TenantAccess access;

    DeliveryApiController(DeliveryLog log, TenantAccess access) {
        this.log = log;
        this.access = access;
    }

    @Operation(summary = "Deliveries of the workspace's notifications, newest first, with the queued backlog")
    @GetMapping("/api/v1/workspaces/{wsId}/deliveries")
    DeliveryLog.Page list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        WorkspaceId workspace = workspace(wsId);
        access.requireWorkspace(caller.id(), workspace, WorkspacePermission.MANAGE_NOTIFICATIONS);
        return log.page(workspace, status, channel, limit, cursor);
    }

    static WorkspaceId workspace(String wsId) {
        try {
            return new WorkspaceId(UUID.fromString(wsId));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace");
        }
    }
}
