package com.tttools.app.tenancy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;

/**
 * Proof that a user may act in a workspace. {@code role} is the effective one: organization owners and admins
 * count as workspace ADMIN. Use {@code organizationId} as the tenant key of anything stored for the workspace.
 */
public record WorkspaceAccess(UserId userId, WorkspaceId workspaceId, OrganizationId organizationId,
        String workspaceName, String timezone, String currency, WorkspaceRole role) {

    public boolean can(WorkspacePermission permission) {
        return permission.grantedTo(role);
    }
}
