package com.tttools.app.inventory;

/**
 * A list request as the API takes it; everything but the kind may be null. Values are validated by the
 * inventory (unknown sort, malformed ids or statuses, foreign cursors answer 422).
 */
public record InventoryQuery(EntityKind kind, String advertiserId, String status, String objective, String campaignId,
        String adGroupId, String q, String sort, Integer limit, String cursor) {
}
