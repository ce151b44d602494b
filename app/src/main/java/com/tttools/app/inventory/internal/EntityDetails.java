package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The TikTok fields a user looks for first in each kind, under camelCase names. */
final class EntityDetails {

    private static final Map<EntityKind, List<String>> FIELDS = Map.of(
            EntityKind.BUSINESS_CENTER, List.of("bc_info.company", "bc_info.currency", "bc_info.timezone", "bc_info.type", "user_role"),
            EntityKind.ADVERTISER, List.of("currency", "timezone", "display_timezone", "country", "company", "owner_bc_id",
                    "balance"),   // balance only reaches here for roles that may see it (InventoryService)
            EntityKind.IDENTITY, List.of("identity_type", "user_name", "can_push_video"),
            EntityKind.PIXEL, List.of("pixel_code", "pixel_category", "create_time"),
            EntityKind.CATALOG, List.of("catalog_type", "bc_info.bc_id", "catalog_conf.currency", "create_time"),
            EntityKind.AUDIENCE, List.of("audience_type", "cover_num", "is_valid", "expired_time"),
            EntityKind.CAMPAIGN, List.of("objective_type", "budget", "budget_mode", "operation_status", "create_time"),
            EntityKind.AD_GROUP, List.of("budget", "budget_mode", "bid_type", "bid_price", "optimization_goal",
                    "billing_event", "schedule_type", "schedule_start_time", "schedule_end_time", "operation_status",
                    "placement_type", "placements"),
            EntityKind.AD, List.of("ad_format", "ad_text", "call_to_action", "landing_page_url", "display_name",
                    "video_id", "operation_status"));

    private EntityDetails() {
    }

    static Map<String, Object> of(EntityKind kind, JsonNode fields) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (String path : FIELDS.get(kind)) {
            JsonNode node = fields;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            details.put(camel(path.substring(path.lastIndexOf('.') + 1)), node.isNumber() ? node.numberValue()
                    : node.isBoolean() ? node.booleanValue()
                    : node.isArray() ? java.util.stream.StreamSupport.stream(node.spliterator(), false)
                            .map(JsonNode::asString).toList() : node.asString());
        }
        if (kind == EntityKind.PIXEL) {
            details.put("eventCount", fields.path("events").size());
        }
        return details;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
