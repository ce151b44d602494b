package com.tttools.app.audit;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import java.util.Objects;
import java.util.Set;

/**
 * What the current viewer may see of an organization's audit log, decided by whoever authorizes the request
 * (tenancy) and handed to the audit endpoints as the request attribute {@link #REQUEST_ATTRIBUTE}. Without
 * it, the endpoints answer 404.
 *
 * @param organizationId the organization the viewer is ADMIN+ of, or a workspace ADMIN in
 * @param workspaces     null for organization OWNER/ADMIN (everything); else the workspaces they administer
 * @param viewer         who is looking (recorded when they export)
 */
public record VisibleScope(OrganizationId organizationId, Set<WorkspaceId> workspaces, Actor viewer) {

    public static final String REQUEST_ATTRIBUTE = VisibleScope.class.getName();

    public VisibleScope {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(viewer, "viewer");
        workspaces = workspaces == null ? null : Set.copyOf(workspaces);
    }

    public static VisibleScope wholeOrganization(OrganizationId organizationId, Actor viewer) {
        return new VisibleScope(organizationId, null, viewer);
    }

    public static VisibleScope workspaces(OrganizationId organizationId, Set<WorkspaceId> workspaces, Actor viewer) {
        return new VisibleScope(organizationId, Objects.requireNonNull(workspaces, "workspaces"), viewer);
    }

    public boolean seesWholeOrganization() {
        return workspaces == null;
    }
}
