package com.tttools.app.inventory.web;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;

/** The inventory routes' own path value (the collection) and what the caller's role shows. */
final class InventoryPaths {

    private InventoryPaths() {
    }

    /** An unknown collection names nothing: 404. */
    static EntityKind kind(String collection) {
        return EntityKind.ofCollection(collection).orElseThrow(() -> new NotFoundException("Collection"));
    }

    /** Whether account money (an advertiser's balance) is shown: operators and up. */
    static boolean accountMoney(WorkspaceAccess access) {
        return access.can(WorkspacePermission.VIEW_ACCOUNT_BALANCE);
    }
}
