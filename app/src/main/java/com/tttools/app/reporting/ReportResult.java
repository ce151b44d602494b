package com.tttools.app.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report: rows (per date and/or entity, per currency), totals per currency (never summed across currencies),
 * the previous period's totals, and how final each date is.
 */
public record ReportResult(List<Row> rows, List<Total> totals, List<Total> previousTotals, List<DateStatus> dates,
        List<String> currencies, List<String> warnings, boolean hasMore) {

    public record Row(LocalDate date, String entityId, String advertiserId, String currency, Map<String, Object> metrics) {
    }

    public record Total(String currency, Map<String, Object> metrics) {
    }

    /** {@code PROVISIONAL} inside the restatement window (TikTok may still revise it), else {@code SETTLED}. */
    public record DateStatus(LocalDate date, String status) {
    }
}
