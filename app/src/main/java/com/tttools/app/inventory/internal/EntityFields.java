package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TikTok fields we keep, per kind: only what the product shows or works with (ids, names, statuses,
 * currency, timezone, budgets, bids, schedules, targeting summary, creative references). Everything else a
 * TikTok answer carries is dropped before it is stored; in particular an advertiser's contact person, email,
 * phone numbers, address and licence never reach the database. A path names a key inside objects
 * ({@code bc_info.bc_id}); arrays are walked through ({@code advertiser_assets.asset_id} applies to each
 * element). docs/inventory.md lists the kinds' fields.
 */
final class EntityFields {

    /** Fields that are money of the account itself: shown only to roles with VIEW_ACCOUNT_BALANCE. */
    static final Map<EntityKind, Set<String>> ACCOUNT_MONEY = Map.of(EntityKind.ADVERTISER, Set.of("balance"));

    /** What advertiser/info is asked for (its {@code fields} parameter): the allow-list, no contact data. */
    static final List<String> ADVERTISER_INFO_FIELDS = List.of("advertiser_id", "name", "company", "status", "role",
            "currency", "country", "timezone", "display_timezone", "language", "industry", "balance", "create_time",
            "owner_bc_id", "rejection_reason");

    /** Never stored, whatever an answer carries (the contact data of advertiser/info and bc/get). */
    static final Set<String> CONTACT_FIELDS = Set.of("contacter", "email", "cellphone_number", "telephone_number",
            "address", "license_no", "license_url");

    private static final Map<EntityKind, Set<String>> ALLOWED = new EnumMap<>(EntityKind.class);

    static {
        ALLOWED.put(EntityKind.BUSINESS_CENTER, Set.of("bc_info.bc_id", "bc_info.name", "bc_info.company",
                "bc_info.currency", "bc_info.timezone", "bc_info.type", "bc_info.status", "bc_info.registered_area",
                "user_role", "advertiser_assets.asset_id", "advertiser_assets.asset_name",
                "advertiser_assets.asset_type", "advertiser_assets.relation_type", "advertiser_assets.relation_status",
                "advertiser_assets.advertiser_status", "advertiser_assets.advertiser_account_type",
                "advertiser_assets.advertiser_role"));
        ALLOWED.put(EntityKind.ADVERTISER, Set.copyOf(concat(ADVERTISER_INFO_FIELDS, List.of("advertiser_account_type"))));
        ALLOWED.put(EntityKind.IDENTITY, Set.of("identity_id", "identity_type", "display_name", "user_name",
                "available_status", "can_push_video", "can_pull_video", "can_use_live_ads", "identity_authorized_bc_id"));
        ALLOWED.put(EntityKind.PIXEL, Set.of("pixel_id", "pixel_code", "pixel_name", "pixel_category",
                "pixel_setup_mode", "create_time", "events.event_id", "events.name", "events.custom_event_type",
                "events.event_type", "events.statistic_type", "events.currency"));
        ALLOWED.put(EntityKind.CATALOG, Set.of("catalog_id", "catalog_name", "catalog_type", "catalog_conf.country",
                "catalog_conf.currency", "bc_info.bc_id", "bc_info.bc_name", "create_time", "update_time",
                "ad_creation_eligible"));
        ALLOWED.put(EntityKind.AUDIENCE, Set.of("audience_id", "name", "audience_type", "cover_num", "is_valid",
                "is_expiring", "shared", "is_creator", "create_time", "expired_time"));
        ALLOWED.put(EntityKind.CAMPAIGN, Set.of("advertiser_id", "campaign_id", "campaign_name", "campaign_type",
                "campaign_system_origin", "objective", "objective_type", "app_promotion_type", "virtual_objective_type",
                "sales_destination", "campaign_product_source", "budget", "budget_mode", "budget_optimize_on",
                "bid_type", "deep_bid_type", "roas_bid", "optimization_goal", "operation_status", "secondary_status",
                "is_new_structure", "is_search_campaign", "is_smart_performance_campaign",
                "is_advanced_dedicated_campaign", "rf_campaign_type", "special_industries", "create_time",
                "modify_time"));
        ALLOWED.put(EntityKind.AD_GROUP, Set.of("advertiser_id", "campaign_id", "campaign_name", "adgroup_id",
                "adgroup_name", "create_time", "modify_time", "operation_status", "secondary_status", "budget_mode",
                "budget", "scheduled_budget", "schedule_type", "schedule_start_time", "schedule_end_time", "dayparting",
                "promotion_type", "optimization_goal", "optimization_event", "billing_event", "bid_type", "bid_price",
                "conversion_bid_price", "deep_bid_type", "roas_bid", "pacing", "placement_type", "placements",
                "location_ids", "languages", "gender", "age_groups", "audience_ids", "excluded_audience_ids",
                "interest_category_ids", "operating_systems", "pixel_id", "click_attribution_window",
                "view_attribution_window", "creative_material_mode", "is_new_structure",
                "is_smart_performance_campaign", "frequency", "frequency_schedule"));
        ALLOWED.put(EntityKind.AD, Set.of("advertiser_id", "campaign_id", "campaign_name", "adgroup_id",
                "adgroup_name", "ad_id", "ad_name", "create_time", "modify_time", "operation_status",
                "secondary_status", "ad_format", "ad_text", "call_to_action", "landing_page_url", "display_name",
                "identity_type", "identity_id", "video_id", "image_ids", "tracking_pixel_id", "deeplink",
                "deeplink_type", "is_aco", "is_new_structure", "creative_authorized", "optimization_event"));
    }

    private EntityFields() {
    }

    /** A copy of the item with only the allowed fields of its kind. */
    static JsonNode keep(EntityKind kind, JsonNode item) {
        return prune(item, "", ALLOWED.get(kind));
    }

    /** A copy without the account's money fields (for roles that may not see them). */
    static JsonNode withoutAccountMoney(EntityKind kind, JsonNode fields) {
        Set<String> money = ACCOUNT_MONEY.getOrDefault(kind, Set.of());
        if (money.isEmpty() || !(fields instanceof ObjectNode object)) {
            return fields;
        }
        ObjectNode copy = object.deepCopy();
        money.forEach(copy::remove);
        return copy;
    }

    static Set<String> allowed(EntityKind kind) {
        return ALLOWED.get(kind);
    }

    private static JsonNode prune(JsonNode node, String prefix, Set<String> allowed) {
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> out.add(prune(element, prefix, allowed)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (CONTACT_FIELDS.contains(field.getKey())) {
                continue;
            }
            if (allowed.contains(path)) {
                out.set(field.getKey(), field.getValue());
            } else if (allowed.stream().anyMatch(p -> p.startsWith(path + "."))) {
                out.set(field.getKey(), prune(field.getValue(), path, allowed));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
