package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One day of one entity as TikTok reported it (additive bases; reach as reported at that level). */
record FactRow(ReportLevel level, String entityId, LocalDate date, String advertiserId, String currency,
        BigDecimal spend, long impressions, long clicks, long conversions, long results, long videoViews, Long reach) {
}
