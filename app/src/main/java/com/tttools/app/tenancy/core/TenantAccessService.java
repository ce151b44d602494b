package com.tttools.app.tenancy.core;

import com.tttools.app.identity.MembershipDirectory;
import com.tttools.app.platform.database.TenantScope;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where roles turn into decisions: no membership → 404, membership but too low a role → 403.
 * Reads memberships from the database once per request ({@link RequestMemo}: the controller's check, the
 * layout's navigation and switcher share the answer), never from a cache that outlives the request. Its reads span
 * the caller's workspaces (the switcher, the organization's workspaces), so they run as the login role even inside a
 * workspace request ({@link TenantScope#SYSTEM}).
 */
@Service
@Transactional(readOnly = true, label = TenantScope.SYSTEM)
public class TenantAccessService implements TenantAccess, MembershipDirectory {

    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final PreferenceRepository preferences;

    TenantAccessService(OrganizationRepository organizations, WorkspaceRepository workspaces,
            PreferenceRepository preferences) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.preferences = preferences;
    }

    @Override
    public WorkspaceAccess requireWorkspace(UserId userId, WorkspaceId workspaceId, WorkspacePermission permission) {
        WorkspaceAccess access = workspaceAccess(userId, workspaceId).orElseThrow(() -> new NotFoundException("Workspace"));
        if (!access.can(permission)) {
            throw new ForbiddenException("Your role in this workspace (" + access.role() + ") does not allow this.");
        }
        return access;
    }

    @Override
    public OrganizationAccess requireOrganization(UserId userId, OrganizationId organizationId,
            OrganizationPermission permission) {
        var membership = RequestMemo.get("organization:" + userId + ":" + organizationId,
                () -> organizations.membership(organizationId, userId))
                .orElseThrow(() -> new NotFoundException("Organization"));
        if (!permission.grantedTo(membership.role())) {
            throw new ForbiddenException("Your role in this organization (" + membership.role() + ") does not allow this.");
        }
        return new OrganizationAccess(userId, organizationId, membership.organizationName(), membership.role());
    }

    @Override
    public List<WorkspaceId> visibleWorkspaces(UserId userId, OrganizationId organizationId) {
        return workspaces.visible(organizationId, userId).stream().map(WorkspaceRepository.Workspace::id).toList();
    }

    @Override
    public Map<WorkspaceId, String> deletedWorkspaceNames(OrganizationId organizationId) {
        Map<WorkspaceId, String> names = new java.util.LinkedHashMap<>();
        workspaces.deleted(organizationId).stream()
                .sorted(java.util.Comparator.comparing(w -> w.name().toLowerCase(java.util.Locale.ROOT)))
                .forEach(w -> names.put(w.id(), w.name()));
        return names;
    }

    /** The workspaces of the organization the user sees, with their effective role in each. */
    public List<WorkspaceAccess> visibleWorkspaceAccess(UserId userId, OrganizationId organizationId) {
        return workspaces.visible(organizationId, userId).stream()
                .map(w -> workspaceAccess(userId, w.id())).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<WorkspaceAccess> currentWorkspace(UserId userId) {
        Optional<WorkspaceAccess> last = preferences.lastWorkspace(userId).flatMap(id -> workspaceAccess(userId, id));
        if (last.isPresent()) {
            return last;
        }
        for (var membership : organizations.membershipsOf(userId)) {
            for (var workspace : workspaces.visible(membership.organizationId(), userId)) {
                return workspaceAccess(userId, workspace.id());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<OrganizationMembership> organizationsOf(UserId userId) {
        return organizations.membershipsOf(userId).stream()
                .map(m -> new OrganizationMembership(m.organizationId().toString(), m.organizationName(), m.role().name()))
                .toList();
    }

    Optional<WorkspaceAccess> workspaceAccess(UserId userId, WorkspaceId workspaceId) {
        return RequestMemo.get("workspace:" + userId + ":" + workspaceId, () -> readWorkspaceAccess(userId, workspaceId));
    }

    private Optional<WorkspaceAccess> readWorkspaceAccess(UserId userId, WorkspaceId workspaceId) {
        return workspaces.standing(workspaceId, userId, false).flatMap(standing -> {
            WorkspaceRole role = standing.organizationRole().administersAllWorkspaces()
                    ? WorkspaceRole.ADMIN : standing.workspaceRole();
            if (role == null) {
                return Optional.empty();
            }
            var w = standing.workspace();
            return Optional.of(new WorkspaceAccess(userId, w.id(), w.organizationId(), w.name(), w.timezone(),
                    w.currency(), role));
        });
    }
}
