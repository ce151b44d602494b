package com.tttools.app.inventory;

import java.util.List;

/**
 * A list request as the API takes it; everything but the kind may be null. Values are validated by the
 * inventory (unknown sort, malformed ids or statuses, foreign cursors answer 422). {@code statuses} are further
 * statuses matched besides {@code status} (the pages' multi-select); empty when none.
 */
public record InventoryQuery(EntityKind kind, String advertiserId, String status, String objective, String campaignId,
        String adGroupId, String q, String sort, Integer limit, String cursor, List<String> statuses) {

    public InventoryQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public InventoryQuery(EntityKind kind, String advertiserId, String status, String objective, String campaignId,
            String adGroupId, String q, String sort, Integer limit, String cursor) {
        this(kind, advertiserId, status, objective, campaignId, adGroupId, q, sort, limit, cursor, List.of());
    }

    /** Every status the query matches ({@code status} and {@code statuses}), without duplicates. */
    public List<String> allStatuses() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (status != null) {
            all.add(status);
        }
        all.addAll(statuses);
        return List.copyOf(all);
    }
}
