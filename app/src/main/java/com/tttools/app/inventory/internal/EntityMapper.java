package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.tiktok.TikTokValues;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Turns TikTok's list items into rows; which field holds the id, name and status differs per endpoint. The
 * stored fields are the kind's allow-list only ({@link EntityFields}).
 */
final class EntityMapper {

    private static final DateTimeFormatter TIKTOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EntityMapper() {
    }

    /** The row for an item, or null for an item without an id (skipped: it cannot be keyed). */
    static EntityRow map(EntityKind kind, JsonNode item, String advertiserId) {
        return switch (kind) {
            case BUSINESS_CENTER -> {
                JsonNode info = item.path("bc_info");
                yield row(kind, id(info, "bc_id"), null, null, null, text(info, "name"), text(info, "status"), null,
                        item, null);
            }
            case ADVERTISER -> row(kind, id(item, "advertiser_id"), id(item, "advertiser_id"),
                    id(item, "owner_bc_id"), null, text(item, "name"), text(item, "status"), null, item,
                    epoch(item.path("create_time")));
            case IDENTITY -> row(kind, id(item, "identity_id"), advertiserId, null, null, text(item, "display_name"),
                    text(item, "available_status"), null, item, null);
            case PIXEL -> row(kind, id(item, "pixel_id"), advertiserId, null, null, text(item, "pixel_name"),
                    text(item, "activity_status"), null, item, null);
            case CATALOG -> row(kind, id(item, "catalog_id"), null, id(item.path("bc_info"), "bc_id"), null,
                    text(item, "catalog_name"), null, null, item, null);
            case AUDIENCE -> row(kind, id(item, "audience_id"), advertiserId, null, null, text(item, "name"),
                    item.path("is_valid").isBoolean() ? (item.path("is_valid").asBoolean() ? "VALID" : "INVALID") : null,
                    null, item, null);
            case CAMPAIGN -> row(kind, id(item, "campaign_id"), id(item, "advertiser_id"), null, null,
                    text(item, "campaign_name"), status(item), text(item, "objective_type"), item, time(item));
            case AD_GROUP -> row(kind, id(item, "adgroup_id"), id(item, "advertiser_id"), id(item, "campaign_id"),
                    id(item, "campaign_id"), text(item, "adgroup_name"), status(item), null, item, time(item));
            case AD -> row(kind, id(item, "ad_id"), id(item, "advertiser_id"), id(item, "adgroup_id"),
                    id(item, "campaign_id"), text(item, "ad_name"), status(item), null, item, time(item));
        };
    }

    private static EntityRow row(EntityKind kind, String id, String advertiserId, String parent, String campaign,
            String name, String status, String objective, JsonNode item, Instant modified) {
        if (id == null) {
            return null;   // nothing to key it by; the caller skips it
        }
        return new EntityRow(kind, id, advertiserId, parent, campaign, name, status, objective,
                EntityFields.keep(kind, item).toString(), modified);
    }

    /** secondary_status is the precise one (it says why an enabled ad does not deliver); the sandbox omits it. */
    private static String status(JsonNode item) {
        String secondary = text(item, "secondary_status");
        return secondary != null ? secondary : text(item, "operation_status");
    }

    private static String id(JsonNode node, String field) {
        return TikTokValues.id(node.get(field)).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    /** Entity times are "YYYY-MM-DD HH:MM:SS" UTC; Smart+ ads may come without one. */
    static Instant time(JsonNode item) {
        String text = text(item, "modify_time");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), TIKTOK_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant epoch(JsonNode node) {
        return node.isNumber() ? Instant.ofEpochSecond(node.asLong()) : null;
    }
}
