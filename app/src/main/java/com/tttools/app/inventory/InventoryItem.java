package com.tttools.app.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * One inventory entity as the API shows it. {@code details} holds the fields a user looks for in this kind
 * (budget and objective of a campaign, bid and schedule of an ad group, ...); {@code fields} is what we keep of
 * TikTok's answer (the kind's allow-list, see docs/inventory.md), only filled for single-entity reads. An
 * advertiser's balance is in both only for roles that may see it.
 */
public record InventoryItem(String id, String kind, String tiktokId, String name, String advertiserId,
        String campaignId, String parentId, String status, boolean removed, Instant removedAt, Instant updatedAt,
        Instant syncedAt, Instant tiktokModifiedAt, Map<String, Object> details, Object fields) {
}
