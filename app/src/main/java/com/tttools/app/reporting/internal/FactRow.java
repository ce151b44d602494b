package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of one entity as TikTok reported it (additive bases; reach as reported at that level), with its name and
 * parents (null where the level has none) as the report's attribute metrics gave them.
 */
public record FactRow(ReportLevel level, String entityId, LocalDate date, String advertiserId, String campaignId,
        String adgroupId, String entityName, String currency, BigDecimal spend, long impressions, long clicks,
        long conversions, long results, long videoViews, int[] engagement, Long reach) {

    /** The counts after the first five, in the order of {@code engagement} (video funnel, likes, comments, …). */
    public static final java.util.List<com.tttools.app.reporting.Metric> ENGAGEMENT =
            com.tttools.app.reporting.Metric.COUNTS.subList(5, com.tttools.app.reporting.Metric.COUNTS.size());

    static {
        if (!com.tttools.app.reporting.Metric.COUNTS.subList(0, 5).equals(java.util.List.of(
                com.tttools.app.reporting.Metric.IMPRESSIONS, com.tttools.app.reporting.Metric.CLICKS,
                com.tttools.app.reporting.Metric.CONVERSIONS, com.tttools.app.reporting.Metric.RESULTS,
                com.tttools.app.reporting.Metric.VIDEO_VIEWS))) {
            throw new IllegalStateException("FactRow's first five counts must be Metric.COUNTS' first five");
        }
    }

    public FactRow {
        if (engagement == null) {
            engagement = new int[ENGAGEMENT.size()];
        } else if (engagement.length != ENGAGEMENT.size()) {
            throw new IllegalArgumentException("engagement holds " + ENGAGEMENT.size() + " counts");
        }
    }
}
