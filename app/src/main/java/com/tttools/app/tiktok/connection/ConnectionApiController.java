package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.TikTokConnections;
import com.tttools.app.tiktok.TikTokConnections.ConnectionView;
import com.tttools.app.tiktok.TikTokConnections.SyncRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TikTok connections of a workspace (docs: api.md, "TikTok connections and jobs"). Each route authorizes the caller
 * and binds the workspace through {@code @RequireWorkspace} with the permission {@link TikTokConnections} checks
 * again, so its statements run under row-level security (docs/security.md).
 */
@RestController
class ConnectionApiController {

    record Items(List<ConnectionView> items) {
    }

    private final TikTokConnections connections;

    ConnectionApiController(TikTokConnections connections) {
        this.connections = connections;
    }

    @PostMapping("/api/v1/workspaces/{wsId}/connections/tiktok")
    ResponseEntity<Map<String, String>> connect(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_CONNECTIONS) WorkspaceId wsId, HttpServletRequest request) {
        var url = connections.startConnect(caller, wsId, sessionId(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("authorizationUrl", url.toString()));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/connections")
    Items list(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId) {
        return new Items(connections.list(caller, wsId));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/connections/{id}")
    ConnectionView get(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId, @PathVariable ConnectionId id) {
        return connections.get(caller, wsId, id);
    }

    @PostMapping("/api/v1/workspaces/{wsId}/connections/{id}/check")
    ConnectionView check(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId wsId, @PathVariable ConnectionId id,
            RequestMetadata request) {
        return connections.check(caller, wsId, id, request);
    }

    /**
     * 204. {@code ?deleteData=true} also deletes the inventory and reports of the advertisers the connection
     * granted (not those another live connection of the workspace still grants), right after the disconnect.
     */
    @Operation(summary = "Disconnect: revoke and delete the tokens, cancel the connection's syncs. 204; repeating it is "
            + "a no-op")
    @DeleteMapping("/api/v1/workspaces/{wsId}/connections/{id}")
    ResponseEntity<Void> disconnect(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_CONNECTIONS) WorkspaceId wsId, @PathVariable ConnectionId id,
            @Parameter(description = "true: also delete the synced assets and reports of the advertisers this "
                    + "connection granted, except advertisers another live connection of the workspace still grants "
                    + "(default false: the data stays as reporting history)")
            @RequestParam(defaultValue = "false") boolean deleteData, RequestMetadata request) {
        connections.disconnect(caller, wsId, id, deleteData, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/workspaces/{wsId}/connections/{id}/sync")
    ResponseEntity<Map<String, String>> sync(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId wsId, @PathVariable ConnectionId id,
            @RequestBody(required = false) SyncRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        JobId jobId = connections.requestSync(caller, wsId, id, body, idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", jobId.toString()));
    }

    /** The browser session the OAuth state is bound to; none when called with a personal access token. */
    static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
