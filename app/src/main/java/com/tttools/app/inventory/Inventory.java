package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the inventory. */
public interface Inventory {

    /** The last finished asset sync of the connection (for its lastSyncAt and grant changes); empty before one. */
    Optional<ConnectionSync> lastSync(WorkspaceId workspaceId, UUID connectionId);

    /** A page of one collection of the workspace (the caller has checked access). */
    InventoryPage list(WorkspaceId workspaceId, InventoryQuery query);

    /** One entity by its id (ours, not TikTok's); empty when it is not in this workspace. */
    Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id);

    /** How many entities of each kind the workspace has (removed ones not counted). */
    java.util.Map<EntityKind, Long> counts(WorkspaceId workspaceId);
}
