package com.tttools.app.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * TikTok's statuses as badges ({@code ${@statusBadges.of(status, removed)}}): "Active", "Paused", "Deleted",
 * "Not delivering: …" instead of {@code CAMPAIGN_STATUS_DISABLE}-style enums. Entities that left TikTok's listings
 * or carry a delete status are "Deleted"; {@code raw} keeps TikTok's value for a tooltip.
 */
@Component("statusBadges")
public class StatusBadges {

    public record Badge(String label, String css, String raw) {
    }

    public Badge of(String status, boolean removed) {
        if (removed || (status != null && status.contains("DELETE"))) {
            return new Badge("Deleted", "badge-deleted", status);
        }
        if (status == null || status.isBlank()) {
            return new Badge("Unknown", "", status);
        }
        String words = words(status);
        if (status.endsWith("DELIVERY_OK") || status.endsWith("_ENABLE") || status.equals("ENABLE")
                || status.endsWith("STATUS_ENABLE")) {
            return new Badge("Active", "badge-ok", status);
        }
        if (status.endsWith("_DISABLE") || status.equals("DISABLE")) {
            return new Badge(status.matches(".*_STATUS_DISABLE") || status.equals("DISABLE") ? "Paused"
                    : "Paused: " + words, "badge-paused", status);
        }
        if (status.startsWith("STATUS_") && status.length() > 7 && !status.contains("DISABLE")) {
            return new Badge(capitalised(words), "", status);
        }
        return new Badge("Not delivering: " + words, "badge-warn", status);
    }

    /**
     * A status filter's options, each status with its badge's words; where two statuses read the same ("Deleted" for
     * a campaign's and for its parent's delete), TikTok's status in words is added so that the options stay apart.
     */
    public Map<String, String> options(List<String> statuses) {
        Map<String, Long> uses = statuses.stream().collect(Collectors.groupingBy(s -> of(s, false).label(),
                Collectors.counting()));
        Map<String, String> options = new LinkedHashMap<>();
        for (String status : statuses) {
            String label = of(status, false).label();
            options.put(status, uses.get(label) > 1 ? label + " (" + words(status) + ")" : label);
        }
        return options;
    }

    /** A field's key in words: {@code budgetMode} or {@code budget_mode} → "Budget mode". */
    public String label(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT)
                .replace(" id", " ID").replace("ctr", "CTR").replace("cpa", "CPA");
        return capitalised(spaced.strip());
    }

    /** {@code ADGROUP_STATUS_CAMPAIGN_DISABLE} → "campaign disable": the part after {@code STATUS_}, in words. */
    static String words(String status) {
        int at = status.indexOf("STATUS_");
        String tail = at >= 0 ? status.substring(at + 7) : status;
        return tail.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
