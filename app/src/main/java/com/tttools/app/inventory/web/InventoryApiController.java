package com.tttools.app.inventory.web;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryItem;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory collections (business-centers, advertisers, tiktok-accounts, pixels, catalogs, audiences,
 * campaigns, ad-groups, ads). Literal routes of other modules under a workspace win over {collection}; an
 * unknown collection answers 404.
 */
@RestController
class InventoryApiController {

    private final Inventory inventory;

    InventoryApiController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/{collection}")
    InventoryPage list(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String collection, @RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String objective,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String adGroupId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        EntityKind kind = InventoryPaths.kind(collection);
        return inventory.list(access.workspaceId(), new InventoryQuery(kind, advertiserId, status, objective,
                campaignId, adGroupId, q, sort, limit, cursor), InventoryPaths.accountMoney(access));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/{collection}/{id}")
    InventoryItem get(@RequireWorkspace(WorkspacePermission.VIEW_INVENTORY) WorkspaceAccess access,
            @PathVariable String collection, @PathVariable String id) {
        EntityKind kind = InventoryPaths.kind(collection);
        return inventory.find(access.workspaceId(), kind, id, InventoryPaths.accountMoney(access))
                .orElseThrow(() -> new NotFoundException("Entity"));
    }
}
