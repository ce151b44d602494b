package com.tttools.app.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The date-range presets of the reporting page and of saved views: "last N days" ends yesterday (a full day). */
final class ReportPresets {

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("today", "Today (partial, so far)");
        LABELS.put("yesterday", "Yesterday");
        LABELS.put("last7", "Last 7 days");
        LABELS.put("last14", "Last 14 days");
        LABELS.put("last30", "Last 30 days");
        LABELS.put("last90", "Last 90 days");
        LABELS.put("thisMonth", "This month (so far)");
        LABELS.put("lastMonth", "Last month");
    }

    private ReportPresets() {
    }

    /** {@code [from, to]} of a preset, or null for an unknown one. */
    static LocalDate[] range(String preset, LocalDate today) {
        return switch (preset) {
            case "today" -> new LocalDate[] {today, today};
            case "yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            case "last7" -> new LocalDate[] {today.minusDays(7), today.minusDays(1)};
            case "last14" -> new LocalDate[] {today.minusDays(14), today.minusDays(1)};
            case "last30" -> new LocalDate[] {today.minusDays(30), today.minusDays(1)};
            case "last90" -> new LocalDate[] {today.minusDays(90), today.minusDays(1)};
            case "thisMonth" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "lastMonth" -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
            default -> null;
        };
    }
}
