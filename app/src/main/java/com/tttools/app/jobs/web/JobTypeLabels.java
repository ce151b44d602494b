package com.tttools.app.jobs.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Job types and statuses in words ({@code ${@jobTypes.label(type)}}): "Report sync", not {@code tiktok.report-sync}. */
@Component("jobTypes")
public class JobTypeLabels {

    private static final Map<String, String> KNOWN = Map.of(
            "tiktok.report-sync", "Report sync (daily figures)",
            "tiktok.asset-sync", "Campaign and asset sync",
            "privacy.export", "Personal data export");

    public String label(String type) {
        if (type == null) {
            return "";
        }
        String known = KNOWN.get(type);
        if (known != null) {
            return known;
        }
        // an unknown type still reads as words: "bulk.apply-change-set" → "Apply change set"
        String tail = type.substring(type.lastIndexOf('.') + 1).replace('-', ' ').replace('_', ' ');
        return tail.isEmpty() ? type : Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
    }

    public String status(Object status) {
        String name = String.valueOf(status);
        return switch (name) {
            case "QUEUED" -> "Queued";
            case "RUNNING" -> "Running";
            case "SUCCEEDED" -> "Done";
            case "FAILED" -> "Failed";
            case "CANCELLED" -> "Cancelled";
            default -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
        };
    }
}
