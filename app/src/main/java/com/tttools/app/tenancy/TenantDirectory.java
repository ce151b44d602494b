package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Look-ups about tenants for background work that acts on no user's behalf (e.g. the retention purge). It
 * authorizes nothing: request handling goes through {@link TenantAccess}.
 */
public interface TenantDirectory {

    /** The organization a workspace belongs to (also while the workspace is soft-deleted); empty when unknown. */
    Optional<OrganizationId> organizationOf(WorkspaceId workspaceId);

    /**
     * Who administers a workspace: its workspace ADMINs and its organization's OWNERs and ADMINs (who act as
     * workspace ADMIN everywhere). The notifications module tells them about the workspace's connections.
     */
    List<UserId> workspaceAdmins(WorkspaceId workspaceId);
}
