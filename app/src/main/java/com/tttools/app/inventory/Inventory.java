package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the inventory. */
public interface Inventory {

    /** The last finished asset sync of the connection (for its lastSyncAt and grant changes); empty before one. */
    Optional<ConnectionSync> lastSync(WorkspaceId workspaceId, UUID connectionId);

    /** A page of one collection of the workspace (the caller has checked access); no account money in it. */
    default InventoryPage list(WorkspaceId workspaceId, InventoryQuery query) {
        return list(workspaceId, query, false);
    }

    /**
     * A page of one collection of the workspace (the caller has checked access).
     *
     * @param accountMoney whether the account's own money (an advertiser's balance) may be shown: true only for
     *                     callers with {@code WorkspacePermission.VIEW_ACCOUNT_BALANCE}
     */
    InventoryPage list(WorkspaceId workspaceId, InventoryQuery query, boolean accountMoney);

    /** One entity by its id (ours, not TikTok's); empty when it is not in this workspace. No account money. */
    default Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id) {
        return find(workspaceId, kind, id, false);
    }

    /** One entity by its id; {@code accountMoney} as for {@link #list(WorkspaceId, InventoryQuery, boolean)}. */
    Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id, boolean accountMoney);

    /** How many entities of each kind the workspace has (removed ones not counted). */
    java.util.Map<EntityKind, Long> counts(WorkspaceId workspaceId);
}
