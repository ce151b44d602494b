package com.tttools.app.notifications.web;

import com.tttools.app.notifications.outbox.DeliveryRetry;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's delivery log (workspace ADMIN): what went out, where (masked), and what became of it. */
@Tag(name = "Notifications")
@RestController
class DeliveryApiController {

    private final DeliveryLog log;
    private final DeliveryRetry retry;

    DeliveryApiController(DeliveryLog log, DeliveryRetry retry) {
        this.log = log;
        this.retry = retry;
    }

    @Operation(summary = "Deliveries of the workspace's notifications, newest first, with the queued backlog")
    @GetMapping("/api/v1/workspaces/{wsId}/deliveries")
    DeliveryLog.Page list(@RequireWorkspace(WorkspacePermission.MANAGE_NOTIFICATIONS) WorkspaceId workspace,
            @RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        return log.page(workspace, status, channel, limit, cursor);
    }

    @Operation(summary = "Queue a failed notification delivery again (fresh attempts); 409 unless it failed")
    @PostMapping("/api/v1/workspaces/{wsId}/deliveries/{id}/retry")
    ResponseEntity<Void> retry(@RequireWorkspace(WorkspacePermission.MANAGE_NOTIFICATIONS) WorkspaceId workspace,
            @PathVariable String id) {
        retry.retry(workspace, deliveryId(id));
        return ResponseEntity.accepted().build();
    }

    static UUID deliveryId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such delivery in this workspace");
        }
    }
}
