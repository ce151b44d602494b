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
    default InventoryPage list(WorkspaceId workspaceId, InventoryQuery query, boolean accountMoney) {
        return list(workspaceId, query, accountMoney, null);
    }

    /**
     * As {@link #list(WorkspaceId, InventoryQuery, boolean)}, and the query's sort may also be
     * {@code ranking.key()} (optionally with '-'): rows then follow the ranking's order (as given, whatever the
     * '-'), and entities not in it come after them (before them for an ascending sort), by id.
     */
    InventoryPage list(WorkspaceId workspaceId, InventoryQuery query, boolean accountMoney, Ranking ranking);

    /** An order of TikTok ids decided elsewhere (a metric's), under the sort key {@code key}. */
    record Ranking(String key, java.util.List<String> tiktokIds) {
        public Ranking {
            tiktokIds = java.util.List.copyOf(tiktokIds);
        }
    }

    /** One entity by its id (ours, not TikTok's); empty when it is not in this workspace. No account money. */
    default Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id) {
        return find(workspaceId, kind, id, false);
    }

    /** One entity by its id; {@code accountMoney} as for {@link #list(WorkspaceId, InventoryQuery, boolean)}. */
    Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id, boolean accountMoney);

    /** Our id and the name of entities of one kind by TikTok id, to name and link parents; unknown ids are absent. */
    java.util.Map<String, Named> named(WorkspaceId workspaceId, EntityKind kind, java.util.Collection<String> tiktokIds);

    /** An entity's id (ours) and name. */
    record Named(String id, String name) {
    }

    /**
     * What the list filters offer: the statuses entities of the kind have in the workspace, and the objectives of its
     * campaigns (the only kind that carries one), read together.
     */
    FilterValues filterValues(WorkspaceId workspaceId, EntityKind kind);

    /** Distinct values, sorted; {@code removed} says whether any entity of the kind left TikTok's listings. */
    record FilterValues(java.util.List<String> statuses, java.util.List<String> objectives, boolean removed) {
    }

    /** How many entities of each kind the workspace has (removed ones not counted). */
    java.util.Map<EntityKind, Long> counts(WorkspaceId workspaceId);
}
