package com.tttools.app.inventory.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryItem;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final TenantAccess access;

    InventoryApiController(Inventory inventory, TenantAccess access) {
        this.inventory = inventory;
        this.access = access;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/{collection}")
    InventoryPage list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String collection, @RequestParam(required = false) String advertiserId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String objective,
            @RequestParam(required = false) String campaignId, @RequestParam(required = false) String adGroupId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        WorkspaceId workspace = workspace(caller, wsId);
        EntityKind kind = kind(collection);
        return inventory.list(workspace, new InventoryQuery(kind, advertiserId, status, objective, campaignId,
                adGroupId, q, sort, limit, cursor));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/{collection}/{id}")
    InventoryItem get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String collection, @PathVariable String id) {
        WorkspaceId workspace = workspace(caller, wsId);
        EntityKind kind = kind(collection);
        return inventory.find(workspace, kind, id).orElseThrow(() -> new NotFoundException("Entity"));
    }

    private WorkspaceId workspace(AuthenticatedUser caller, String wsId) {
        WorkspaceId workspace = Ids.workspace(wsId);
        access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_INVENTORY);
        return workspace;
    }

    private static EntityKind kind(String collection) {
        return EntityKind.ofCollection(collection).orElseThrow(() -> new NotFoundException("Collection"));
    }

    /** Ids from the path: a malformed one names nothing, so it answers 404 like an unknown one. */
    static final class Ids {
        private Ids() {
        }

        static WorkspaceId workspace(String value) {
            try {
                if (value != null && value.length() == 36) {
                    return new WorkspaceId(UUID.fromString(value));
                }
            } catch (IllegalArgumentException e) {
                // falls through
            }
            throw new NotFoundException("Workspace");
        }
    }
}
