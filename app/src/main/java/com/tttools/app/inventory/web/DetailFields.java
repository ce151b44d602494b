package com.tttools.app.inventory.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An entity's details ({@code InventoryItem.details()}, TikTok's values under camelCase keys) as a detail page
 * shows them: labelled in words, grouped by meaning, enums in words ("App promotion", "Daily", "Lowest cost"),
 * money with the advertiser's currency and separators ({@link ListNumbers}), TikTok's times as instants for the
 * page to write in the workspace's timezone. TikTok's raw values are only in the admins' "Raw" disclosure.
 */
@Component("detailFields")
public class DetailFields {

    /** One labelled value: {@code at} is set for a time (the page formats it), else {@code text}. */
    public record Field(String key, String label, String text, Instant at) {
    }

    private static final DateTimeFormatter TIKTOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** How a value is written: enum in words, money, one of TikTok's times, as it is, or the budget with its mode. */
    enum Format { WORDS, MONEY, TIME, VERBATIM, BUDGET }

    /** A known detail: its label, its group on the page and how its value is written. */
    record Row(String key, String label, String group, Format format) {
    }

    private static final String DELIVERY = "Delivery";
    private static final String BUDGET = "Budget and bidding";
    private static final String SCHEDULE = "Schedule";
    private static final String CREATIVE = "Creative";
    private static final String OTHER = "Other settings";
    /** The groups in page order; a detail without a row goes to "Other settings". */
    private static final List<String> GROUP_ORDER = List.of(DELIVERY, BUDGET, SCHEDULE, CREATIVE, OTHER);

    /** Every detail the page knows, one row each (a null label: the key in words). */
    private static final Map<String, Row> ROWS = rows(
            new Row("objectiveType", "Objective", DELIVERY, Format.WORDS),
            new Row("operationStatus", "Switched", DELIVERY, Format.WORDS),
            new Row("optimizationGoal", "Optimisation goal", DELIVERY, Format.WORDS),
            new Row("placementType", "Placement", DELIVERY, Format.WORDS),
            new Row("placements", "Placements", DELIVERY, Format.WORDS),
            new Row("budget", "Budget", BUDGET, Format.BUDGET),
            new Row("budgetMode", null, BUDGET, Format.WORDS),
            new Row("bidType", "Bid strategy", BUDGET, Format.WORDS),
            new Row("bidPrice", "Bid", BUDGET, Format.MONEY),
            new Row("billingEvent", "Billed per", BUDGET, Format.WORDS),
            new Row("balance", "Balance", BUDGET, Format.MONEY),
            new Row("scheduleType", "Schedule", SCHEDULE, Format.WORDS),
            new Row("scheduleStartTime", "Starts", SCHEDULE, Format.TIME),
            new Row("scheduleEndTime", "Ends", SCHEDULE, Format.TIME),
            new Row("createTime", "Created at TikTok", SCHEDULE, Format.TIME),
            new Row("expiredTime", "Expires", SCHEDULE, Format.TIME),
            new Row("adFormat", "Format", CREATIVE, Format.WORDS),
            new Row("adText", "Ad text", CREATIVE, Format.VERBATIM),
            new Row("callToAction", "Call to action", CREATIVE, Format.WORDS),
            new Row("landingPageUrl", "Landing page", CREATIVE, Format.VERBATIM),
            new Row("displayName", "Display name", CREATIVE, Format.VERBATIM),
            new Row("videoId", "Video ID", CREATIVE, Format.VERBATIM),
            new Row("identityType", "Identity", CREATIVE, Format.WORDS),
            new Row("userName", "User name", OTHER, Format.VERBATIM),
            new Row("canPushVideo", "Can post videos", OTHER, Format.WORDS),
            new Row("pixelCode", "Pixel code", OTHER, Format.VERBATIM),
            new Row("pixelCategory", "Category", OTHER, Format.WORDS),
            new Row("eventCount", "Events", OTHER, Format.WORDS),
            new Row("catalogType", "Catalog type", OTHER, Format.WORDS),
            new Row("bcId", "Business center ID", OTHER, Format.VERBATIM),
            new Row("audienceType", "Audience type", OTHER, Format.WORDS),
            new Row("coverNum", "Audience size", OTHER, Format.WORDS),
            new Row("isValid", "Usable", OTHER, Format.WORDS),
            new Row("displayTimezone", "Display timezone", OTHER, Format.VERBATIM),
            new Row("ownerBcId", "Owner business center ID", OTHER, Format.VERBATIM),
            new Row("userRole", "Your role", OTHER, Format.WORDS),
            new Row("type", "Type", OTHER, Format.WORDS),
            new Row("company", null, OTHER, Format.VERBATIM),
            new Row("country", null, OTHER, Format.VERBATIM),
            new Row("currency", null, OTHER, Format.VERBATIM),
            new Row("timezone", null, OTHER, Format.VERBATIM));

    /** TikTok's enums whose words are not simply the enum in lower case. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("BUDGET_MODE_DAY", "Daily"), Map.entry("BUDGET_MODE_TOTAL", "Lifetime"),
            Map.entry("BUDGET_MODE_INFINITE", "No limit"), Map.entry("BUDGET_MODE_DYNAMIC_DAILY_BUDGET", "Daily (dynamic)"),
            Map.entry("ENABLE", "On"), Map.entry("DISABLE", "Off"),
            Map.entry("BID_TYPE_NO_BID", "Lowest cost"), Map.entry("BID_TYPE_CUSTOM", "Custom bid (cost cap or bid cap)"),
            Map.entry("BID_TYPE_MAX_CONVERSION", "Maximum delivery"),
            Map.entry("CLICK", "Clicks"), Map.entry("CONVERT", "Conversions"), Map.entry("SHOW", "Impressions"),
            Map.entry("VIDEO_VIEW", "Video views"), Map.entry("INSTALL", "App installs"),
            Map.entry("ENGAGED_VIEW", "Engaged views"), Map.entry("FOLLOWERS", "Followers"),
            Map.entry("PROFILE_VIEWS", "Profile visits"), Map.entry("VALUE", "Purchase value"),
            Map.entry("CPC", "Click (CPC)"), Map.entry("CPM", "1,000 impressions (CPM)"),
            Map.entry("OCPM", "1,000 impressions, optimised (oCPM)"), Map.entry("CPV", "Video view (CPV)"),
            Map.entry("SCHEDULE_START_END", "From a start to an end date"),
            Map.entry("SCHEDULE_FROM_NOW", "From its start, without an end"),
            Map.entry("PLACEMENT_TYPE_AUTOMATIC", "Automatic"), Map.entry("PLACEMENT_TYPE_NORMAL", "Selected placements"),
            Map.entry("PLACEMENT_TIKTOK", "TikTok"), Map.entry("PLACEMENT_PANGLE", "Pangle"),
            Map.entry("PLACEMENT_GLOBAL_APP_BUNDLE", "Global App Bundle"), Map.entry("PLACEMENT_TOPBUZZ", "TopBuzz"),
            Map.entry("PLACEMENT_HELO", "Helo"),
            Map.entry("WEB_CONVERSIONS", "Website conversions"), Map.entry("CAROUSEL_ADS", "Carousel"),
            Map.entry("CUSTOMIZED_USER", "Custom identity"), Map.entry("AUTH_CODE", "Authorised TikTok account"),
            Map.entry("TT_USER", "TikTok account"), Map.entry("BC_AUTH_TT", "TikTok account via a business center"));

    private final ListNumbers numbers;
    private final StatusBadges badges;

    DetailFields(ListNumbers numbers, StatusBadges badges) {
        this.numbers = numbers;
        this.badges = badges;
    }

    /**
     * The details by group, in page order; {@code currency} is the advertiser's (null when unknown), money is then
     * shown as a plain number.
     */
    public Map<String, List<Field>> of(Map<String, Object> details, String currency, Locale locale) {
        Map<String, List<Field>> grouped = new LinkedHashMap<>();
        GROUP_ORDER.forEach(g -> grouped.put(g, new ArrayList<>()));
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            String key = detail.getKey();
            if (key.equals("budgetMode") && details.containsKey("budget")) {
                continue;   // folded into the budget: "$50.00 / day"
            }
            Field field = field(key, detail.getValue(), details, currency, locale);
            Row row = ROWS.get(key);
            grouped.get(row == null ? OTHER : row.group()).add(field);
        }
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    private Field field(String key, Object value, Map<String, Object> details, String currency, Locale locale) {
        Row row = ROWS.get(key);
        Format format = row == null ? Format.WORDS : row.format();
        String label = row == null || row.label() == null ? badges.label(key) : row.label();
        String raw = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        switch (format) {
            case BUDGET -> {
                return new Field(key, label, budget(value, details.get("budgetMode"), currency, locale), null);
            }
            case MONEY -> {
                return new Field(key, label, money(value, currency, locale), null);
            }
            case TIME -> {
                Instant at = instant(value);
                return new Field(key, label, at == null ? raw : null, at);
            }
            default -> {
                // words and verbatim values: by the value's type first
            }
        }
        if (value instanceof Boolean b) {
            return new Field(key, label, b ? "Yes" : "No", null);
        }
        if (value instanceof Number n) {
            return new Field(key, label, numbers.count(n.longValue(), locale), null);
        }
        if (value instanceof List<?> list) {
            return new Field(key, label, list.isEmpty() ? "—"
                    : String.join(", ", list.stream().map(v -> words(String.valueOf(v))).toList()), null);
        }
        return new Field(key, label, format == Format.VERBATIM ? raw : words(raw), null);
    }

    /** "$50.00 / day", "$1,000.00 in total", "No limit"; the amount alone when TikTok gives no mode. */
    String budget(Object amount, Object mode, String currency, Locale locale) {
        String m = mode == null ? "" : mode.toString();
        if (m.equals("BUDGET_MODE_INFINITE")) {
            return "No limit";
        }
        String money = money(amount, currency, locale);
        return m.contains("TOTAL") ? money + " in total" : m.contains("DYNAMIC") ? money + " / day (dynamic)"
                : m.contains("DAY") ? money + " / day" : money;
    }

    private String money(Object amount, String currency, Locale locale) {
        BigDecimal value;
        try {
            value = amount instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(amount).trim());
        } catch (NumberFormatException e) {
            return String.valueOf(amount);
        }
        return currency == null ? numbers.count(value.longValue(), locale) : numbers.money(value, currency, locale);
    }

    /** TikTok's "2026-12-01 08:00:00" (UTC), an ISO instant, or epoch seconds; null when it is none of them. */
    static Instant instant(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        String text = String.valueOf(value).trim();
        try {
            return LocalDateTime.parse(text, TIKTOK_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notTikToks) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notIso) {
                return text.matches("\\d{9,11}") ? Instant.ofEpochSecond(Long.parseLong(text)) : null;
            }
        }
    }

    /** An enum in words: known ones from {@link #WORDS}, else "APP_PROMOTION" → "App promotion". */
    static String words(String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        String known = WORDS.get(value);
        if (known != null) {
            return known;
        }
        if (!value.matches("[A-Z0-9_]+")) {
            return value;
        }
        String spaced = value.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Map<String, Row> rows(Row... rows) {
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (Row row : rows) {
            byKey.put(row.key(), row);
        }
        return java.util.Collections.unmodifiableMap(byKey);
    }
}
