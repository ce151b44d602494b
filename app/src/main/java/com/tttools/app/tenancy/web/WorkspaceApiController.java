package com.tttools.app.tenancy.web;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.core.MemberView;
import com.tttools.app.tenancy.core.WorkspaceService;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.RequireOrganization;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workspaces (one per client or brand) and their members. The routes acting within one live workspace authorize the
 * caller and bind the workspace through {@code @RequireWorkspace} with the permission {@link WorkspaceService} checks
 * again, so their statements run under row-level security (docs/security.md); restore cannot (see there).
 */
@RestController
class WorkspaceApiController {

    record RoleChange(String role) {
    }

    /** The reporting currency, an ISO 4217 code. */
    record CurrencyChange(String currency) {
    }

    private final WorkspaceService workspaces;

    WorkspaceApiController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping("/api/v1/organizations/{orgId}/workspaces")
    ResponseEntity<WorkspaceService.WorkspaceView> create(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireOrganization(OrganizationPermission.CREATE_WORKSPACE) OrganizationId orgId,
            @Valid @RequestBody(required = false) WorkspaceService.NewWorkspace body, RequestMetadata request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(workspaces.create(caller, orgId, body, request));
    }

    @GetMapping("/api/v1/organizations/{orgId}/workspaces")
    Items<WorkspaceService.WorkspaceView> list(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId) {
        return Items.of(workspaces.list(caller, orgId));
    }

    @GetMapping("/api/v1/organizations/{orgId}/deleted-workspaces")
    Items<WorkspaceService.DeletedWorkspace> deleted(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId) {
        return Items.of(workspaces.deleted(caller, orgId));
    }

    /** Sets the reporting currency reports, the home and CSVs convert into (workspace ADMIN). */
    @PutMapping("/api/v1/workspaces/{wsId}/currency")
    WorkspaceService.WorkspaceView changeCurrency(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceId wsId,
            @RequestBody(required = false) CurrencyChange body,
            RequestMetadata request) {
        return workspaces.changeCurrency(caller, wsId, body == null ? null : body.currency(), request);
    }

    @GetMapping("/api/v1/workspaces/{wsId}")
    WorkspaceService.WorkspaceView get(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId) {
        return workspaces.get(caller, wsId);
    }

    /** Soft delete; the service also requires the organization's DELETE_WORKSPACE (403 for a workspace member). */
    @DeleteMapping("/api/v1/workspaces/{wsId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId, RequestMetadata request) {
        workspaces.delete(caller, wsId, request);
        return ResponseEntity.noContent().build();
    }

    /**
     * Not {@code @RequireWorkspace}: the workspace is deleted, and the access check finds live workspaces only (a
     * deleted one is 404 there); the service reads the deleted workspace's standing itself, as the login role.
     */
    @PostMapping("/api/v1/workspaces/{wsId}/restore")
    WorkspaceService.WorkspaceView restore(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable WorkspaceId wsId, RequestMetadata request) {
        return workspaces.restore(caller, wsId, request);
    }

    /** Makes this the caller's current workspace (the switcher; remembered across sign-ins). */
    @PostMapping("/api/v1/workspaces/{wsId}/switch")
    WorkspaceService.WorkspaceView switchTo(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId) {
        return workspaces.switchTo(caller, wsId);
    }

    @GetMapping("/api/v1/workspaces/{wsId}/members")
    Items<MemberView> members(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId wsId) {
        return Items.of(workspaces.members(caller, wsId));
    }

    @PutMapping("/api/v1/workspaces/{wsId}/members/{userId}")
    MemberView setMember(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_MEMBERS) WorkspaceId wsId,
            @PathVariable UserId userId,
            @RequestBody(required = false) RoleChange body, RequestMetadata request) {
        return workspaces.setMember(caller, wsId, userId,
                body == null ? null : body.role(), request);
    }

    @DeleteMapping("/api/v1/workspaces/{wsId}/members/{userId}")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_MEMBERS) WorkspaceId wsId,
            @PathVariable UserId userId, RequestMetadata request) {
        workspaces.removeMember(caller, wsId, userId, request);
        return ResponseEntity.noContent().build();
    }
}
