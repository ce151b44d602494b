package com.tttools.app.reporting.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * The reporting page's query, bound with {@code @ModelAttribute}: what the form and the page's links send. Absent
 * values take the page's defaults (campaigns over the last 30 days, the chart of spend); the filters are checked
 * here and by {@link ReportRequests#parse}, and each problem is shown next to its control.
 *
 * @param metrics the table's columns, as checkboxes (several values) or one comma-separated value
 * @param metric  the chart's metric
 */
record ReportPageRequest(String level, String preset, String from, String to, String metric, List<String> metrics,
        List<String> advertiserId, List<String> campaignId, List<String> adgroupId,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}",
                message = "is not a TikTok status (e.g. CAMPAIGN_STATUS_DISABLE) nor REMOVED") String status,
        @Size(max = 100, message = "may be at most 100 characters") String q, String sort, String cursor,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "is not a TikTok objective type (e.g. TRAFFIC)")
        String objective) {

    ReportPageRequest {
        level = blank(level) ? "CAMPAIGN" : level.strip().toUpperCase(Locale.ROOT);
        preset = blank(preset) ? "last30" : preset.strip();
        metric = blank(metric) ? "spend" : metric.strip();
        metrics = values(metrics);
        advertiserId = values(advertiserId);
        campaignId = values(campaignId);
        adgroupId = values(adgroupId);
        status = blank(status) ? null : status.strip();
        q = blank(q) ? null : q;
        sort = blank(sort) ? null : sort.strip();
        cursor = blank(cursor) ? null : cursor.strip();
        objective = blank(objective) ? null : objective.strip();
    }

    /** A custom range when both dates are given, else the preset's. */
    boolean custom() {
        return !blank(from) && !blank(to);
    }

    /** The columns asked for, comma-separated; null for the default columns. */
    String metricsParameter() {
        return metrics.isEmpty() ? null : String.join(",", metrics);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Non-blank values, split at commas (links and saved views send ids comma-separated too). */
    private static List<String> values(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null)
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }
}
