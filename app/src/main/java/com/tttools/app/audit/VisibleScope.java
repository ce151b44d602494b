package com.tttools.app.audit;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import java.util.Map;
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
 * @param workspaceNames the workspaces the viewer may filter the log by, with their names in the order to offer
 *                       them (the audit page's workspace control; the log itself has ids only)
 */
public record VisibleScope(OrganizationId organizationId, Set<WorkspaceId> workspaces, Actor viewer,
        Map<WorkspaceId, String> workspaceNames) {

    public static final String REQUEST_ATTRIBUTE = VisibleScope.class.getName();

    public VisibleScope {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(viewer, "viewer");
        workspaces = workspaces == null ? null : Set.copyOf(workspaces);
        workspaceNames = workspaceNames == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(workspaceNames));
    }

    public static VisibleScope wholeOrganization(OrganizationId organizationId, Actor viewer,
            Map<WorkspaceId, String> workspaceNames) {
        return new VisibleScope(organizationId, null, viewer, workspaceNames);
    }

    public static VisibleScope workspaces(OrganizationId organizationId, Set<WorkspaceId> workspaces, Actor viewer,
            Map<WorkspaceId, String> workspaceNames) {
        return new VisibleScope(organizationId, Objects.requireNonNull(workspaces, "workspaces"), viewer,
                workspaceNames);
    }

    public boolean seesWholeOrganization() {
        return workspaces == null;
    }
}
