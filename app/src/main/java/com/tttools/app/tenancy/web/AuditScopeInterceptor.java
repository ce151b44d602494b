package com.tttools.app.tenancy.web;

import com.tttools.app.audit.VisibleScope;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.TenantAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authorizes the audit log endpoints ({@code /api/v1/organizations/{orgId}/audit-events...}) and hands the
 * audit module the {@link VisibleScope}: organization OWNER/ADMIN see everything; a member who administers
 * workspaces sees those workspaces' events; other members get 403, non-members 404.
 */
@Component
class AuditScopeInterceptor implements HandlerInterceptor {


    private final TenantAccess access;

    AuditScopeInterceptor(TenantAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(VisibleScope.REQUEST_ATTRIBUTE) != null) {
            return true;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String orgId = variables instanceof Map<?, ?> map ? (String) map.get("orgId") : null;
        if (orgId == null || authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            throw new NotFoundException("Organization");
        }
        OrganizationId organization;
        try {
            organization = OrganizationId.of(orgId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Organization");
        }
        request.setAttribute(VisibleScope.REQUEST_ATTRIBUTE, scope(user, organization));
        return true;
    }

    private VisibleScope scope(AuthenticatedUser user, OrganizationId organization) {
        Actor viewer = Actor.user(user.id(), user.email());
        access.requireOrganization(user.id(), organization, OrganizationPermission.VIEW_ORGANIZATION);
        try {
            access.requireOrganization(user.id(), organization, OrganizationPermission.READ_AUDIT_LOG);
            // deleted workspaces stay in the log: the control offers them too, marked, after the live ones
            Map<WorkspaceId, String> names = names(user, organization, WorkspacePermission.VIEW_WORKSPACE);
            access.deletedWorkspaceNames(organization).forEach((id, name) -> names.putIfAbsent(id, name + " (deleted)"));
            return VisibleScope.wholeOrganization(organization, viewer, names);
        } catch (ForbiddenException notAnOrganizationAdmin) {
            Map<WorkspaceId, String> administered = names(user, organization,
                    WorkspacePermission.MANAGE_WORKSPACE_MEMBERS);
            if (administered.isEmpty()) {
                throw notAnOrganizationAdmin;
            }
            return VisibleScope.workspaces(organization, new LinkedHashSet<>(administered.keySet()), viewer,
                    administered);
        }
    }

    /** The organization's workspaces in which the user has {@code permission}, with their names, by name. */
    private Map<WorkspaceId, String> names(AuthenticatedUser user, OrganizationId organization,
            WorkspacePermission permission) {
        List<WorkspaceAccess> granted = new ArrayList<>();
        for (WorkspaceId workspace : access.visibleWorkspaces(user.id(), organization)) {
            try {
                granted.add(access.requireWorkspace(user.id(), workspace, permission));
            } catch (ForbiddenException | NotFoundException notGranted) {
                // reads nothing of this workspace
            }
        }
        granted.sort(Comparator.comparing(w -> w.workspaceName().toLowerCase(java.util.Locale.ROOT)));
        Map<WorkspaceId, String> names = new LinkedHashMap<>();
        granted.forEach(w -> names.put(w.workspaceId(), w.workspaceName()));
        return names;
    }
}
