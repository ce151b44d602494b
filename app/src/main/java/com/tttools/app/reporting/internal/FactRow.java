package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of one entity as TikTok reported it (additive bases; reach as reported at that level), with its name and
 * parents (null where the level has none) as the report's attribute metrics gave them.
 */
public record FactRow(ReportLevel level, String entityId, LocalDate date, String advertiserId, String campaignId,
        String adgroupId, String entityName, String currency, BigDecimal spend, long impressions, long clicks, long conversions, long results, long videoViews, Long reach) {
}
