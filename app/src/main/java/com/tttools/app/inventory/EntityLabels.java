package com.tttools.app.inventory;

/**
 * Inventory's published read model for SQL in other modules: the view {@value #VIEW} with one row per entity,
 * columns {@code workspace_id}, {@code kind} (an {@link EntityKind} name, see {@link #kind}), {@code tiktok_id},
 * {@code inventory_id}, {@code name}, {@code status} (as TikTok reports it), {@code removed}, {@code advertiser_id},
 * {@code campaign_id} and {@code adgroup_id} (as in reporting's facts: a campaign is its own campaign, an ad group
 * its own ad group; null above the level) and {@code objective} (the TikTok objective type, set on campaigns). Readers filter by {@code workspace_id} and {@code kind} and only read.
 *
 * <p>Why a view and not a facade call: reporting labels each report row with the entity's current name and status,
 * filters by them and sorts by name inside one SQL statement over its facts; asking a facade for the labels of a
 * page would add a round trip per page and make sorting by name across pages impossible without loading every
 * entity. The view keeps inventory's table private (its columns can change as long as the view keeps its
 * contract) and costs nothing: PostgreSQL inlines it into the reader's query.
 */
public final class EntityLabels {

    /** The view's name, as readers' SQL spells it. */
    public static final String VIEW = "inventory_entity_labels";

    private EntityLabels() {
    }

    /** The {@code kind} column's value for entities of {@code kind}. */
    public static String kind(EntityKind kind) {
        return kind.name();
    }
}
