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

    /** Groups in page order; a key not listed goes to "Other settings". */
    private static final Map<String, List<String>> GROUPS = groups();

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("objectiveType", "Objective"), Map.entry("budget", "Budget"),
            Map.entry("operationStatus", "Switched"), Map.entry("createTime", "Created at TikTok"),
            Map.entry("bidType", "Bid strategy"), Map.entry("bidPrice", "Bid"),
            Map.entry("optimizationGoal", "Optimisation goal"), Map.entry("billingEvent", "Billed per"),
            Map.entry("scheduleType", "Schedule"), Map.entry("scheduleStartTime", "Starts"),
            Map.entry("scheduleEndTime", "Ends"), Map.entry("placementType", "Placement"),
            Map.entry("placements", "Placements"), Map.entry("adFormat", "Format"), Map.entry("adText", "Ad text"),
            Map.entry("callToAction", "Call to action"), Map.entry("landingPageUrl", "Landing page"),
            Map.entry("displayName", "Display name"), Map.entry("videoId", "Video ID"),
            Map.entry("identityType", "Identity"), Map.entry("userName", "User name"),
            Map.entry("canPushVideo", "Can post videos"), Map.entry("pixelCode", "Pixel code"),
            Map.entry("pixelCategory", "Category"), Map.entry("eventCount", "Events"),
            Map.entry("catalogType", "Catalog type"), Map.entry("bcId", "Business center ID"),
            Map.entry("audienceType", "Audience type"), Map.entry("coverNum", "Audience size"),
            Map.entry("isValid", "Usable"), Map.entry("expiredTime", "Expires"),
            Map.entry("displayTimezone", "Display timezone"), Map.entry("ownerBcId", "Owner business center ID"),
            Map.entry("userRole", "Your role"), Map.entry("balance", "Balance"), Map.entry("type", "Type"));

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

    /** Keys whose value is an amount of money in the advertiser's currency. */
    private static final List<String> MONEY = List.of("bidPrice", "balance");
    /** Keys whose value is one of TikTok's times ("yyyy-MM-dd HH:mm:ss" in UTC, or epoch seconds). */
    private static final List<String> TIMES = List.of("createTime", "scheduleStartTime", "scheduleEndTime",
            "expiredTime");
    /** Keys shown as they are (names, texts, ids, codes). */
    private static final List<String> VERBATIM = List.of("adText", "landingPageUrl", "displayName", "videoId",
            "userName", "pixelCode", "bcId", "ownerBcId", "company", "country", "currency", "timezone",
            "displayTimezone");

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
        GROUPS.keySet().forEach(g -> grouped.put(g, new ArrayList<>()));
        for (Map.Entry<String, Object> detail : details.entrySet()) {
            String key = detail.getKey();
            if (key.equals("budgetMode") && details.containsKey("budget")) {
                continue;   // folded into the budget: "$50.00 / day"
            }
            Field field = field(key, detail.getValue(), details, currency, locale);
            grouped.get(groupOf(key)).add(field);
        }
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    private Field field(String key, Object value, Map<String, Object> details, String currency, Locale locale) {
        String label = LABELS.getOrDefault(key, badges.label(key));
        String raw = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        if (key.equals("budget")) {
            return new Field(key, label, budget(value, details.get("budgetMode"), currency, locale), null);
        }
        if (MONEY.contains(key)) {
            return new Field(key, label, money(value, currency, locale), null);
        }
        if (TIMES.contains(key)) {
            Instant at = instant(value);
            return new Field(key, label, at == null ? raw : null, at);
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
        if (VERBATIM.contains(key)) {
            return new Field(key, label, raw, null);
        }
        return new Field(key, label, words(raw), null);
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

    private static String groupOf(String key) {
        return GROUPS.entrySet().stream().filter(g -> g.getValue().contains(key)).map(Map.Entry::getKey).findFirst()
                .orElse("Other settings");
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Delivery", List.of("objectiveType", "operationStatus", "optimizationGoal", "placementType",
                "placements"));
        groups.put("Budget and bidding", List.of("budget", "budgetMode", "bidType", "bidPrice", "billingEvent",
                "balance"));
        groups.put("Schedule", List.of("scheduleType", "scheduleStartTime", "scheduleEndTime", "createTime",
                "expiredTime"));
        groups.put("Creative", List.of("adFormat", "adText", "callToAction", "landingPageUrl", "displayName",
                "videoId", "identityType"));
        groups.put("Other settings", List.of());
        return groups;
    }
}
