package com.tttools.app.inventory.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.stereotype.Component;

/** Path values of the inventory routes, checked: a malformed, foreign or unknown one answers 404. */
@Component
class InventoryGuard {

    private final TenantAccess access;

    InventoryGuard(TenantAccess access) {
        this.access = access;
    }

    /** The workspace, when the caller may view its inventory (analysts and up). */
    WorkspaceId workspace(AuthenticatedUser caller, String wsId) {
        return access(caller, wsId).workspaceId();
    }

    /** The caller's access to the workspace's inventory; its role says whether account money is shown. */
    WorkspaceAccess access(AuthenticatedUser caller, String wsId) {
        WorkspaceId workspace = com.tttools.app.shared.PathIds.workspace(wsId);
        return access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_INVENTORY);
    }

    static boolean accountMoney(WorkspaceAccess access) {
        return access.can(WorkspacePermission.VIEW_ACCOUNT_BALANCE);
    }

    static EntityKind kind(String collection) {
        return EntityKind.ofCollection(collection).orElseThrow(() -> new NotFoundException("Collection"));
    }
}
