package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;

/**
 * Look-ups about tenants for background work that acts on no user's behalf (e.g. the retention purge). It
 * authorizes nothing: request handling goes through {@link TenantAccess}.
 */
public interface TenantDirectory {

    /** The organization a workspace belongs to (also while the workspace is soft-deleted); empty when unknown. */
    Optional<OrganizationId> organizationOf(WorkspaceId workspaceId);
}
