package com.tttools.app.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A report request, validated: level, advertiser-local date range (inclusive), metrics, grouping, optional
 * advertiser filter, paging.
 */
public record ReportQuery(ReportLevel level, LocalDate from, LocalDate to, List<Metric> metrics, boolean byDate,
        boolean byEntity, List<String> advertiserIds, int limit, int offset) {

    public ReportQuery {
        metrics = List.copyOf(metrics);
        advertiserIds = advertiserIds == null ? List.of() : List.copyOf(advertiserIds);
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** The period of equal length just before this one, for comparisons. */
    public ReportQuery previousPeriod() {
        return new ReportQuery(level, from.minusDays(days()), from.minusDays(1), metrics, byDate, byEntity,
                advertiserIds, limit, 0);
    }
}
