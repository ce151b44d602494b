package com.tttools.app.tenancy;

import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * The authorization facade for tenant-scoped work. Memberships are read from the database on every call (no
 * caching), so a removal or demotion takes effect on the caller's next request.
 */
public interface TenantAccess {

    /**
     * @throws NotFoundException when the workspace does not exist, is deleted, or the user has no access to it
     *                           (existence is never revealed)
     * @throws com.tttools.app.shared.ForbiddenException when the user's role is below what the permission needs
     */
    WorkspaceAccess requireWorkspace(UserId userId, WorkspaceId workspaceId, WorkspacePermission permission);

    /**
     * @throws NotFoundException when the organization does not exist or the user is not a member
     * @throws com.tttools.app.shared.ForbiddenException when the user's role is below what the permission needs
     */
    OrganizationAccess requireOrganization(UserId userId, OrganizationId organizationId,
            OrganizationPermission permission);

    /** Live workspaces of the organization the user can see (all of them for owners and admins); empty if none. */
    List<WorkspaceId> visibleWorkspaces(UserId userId, OrganizationId organizationId);

    /**
     * The organization's soft-deleted workspaces (not yet purged) with their names, by name: their events stay in
     * the audit log, whose whole-organization viewers may filter by them. Authorizes nothing (the caller has).
     */
    java.util.Map<WorkspaceId, String> deletedWorkspaceNames(OrganizationId organizationId);

    /** The workspace the user last worked in if they still have access, else their first visible one. */
    Optional<WorkspaceAccess> currentWorkspace(UserId userId);
}
