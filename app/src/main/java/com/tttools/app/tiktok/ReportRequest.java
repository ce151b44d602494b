package com.tttools.app.tiktok;

import java.time.LocalDate;
import java.util.List;

/**
 * A basic auction report ({@code report/integrated/get/}) of one advertiser over days {@code startDate} to
 * {@code endDate}, advertiser-local and inclusive. TikTok refuses a query it finds too large with
 * {@link QueryTooLargeException}; the caller asks again for a shorter window.
 *
 * @param dataLevel       TikTok's {@code data_level}, e.g. {@code AUCTION_CAMPAIGN}
 * @param dimensions      e.g. {@code campaign_id} and {@code stat_time_day}
 * @param metrics         TikTok's metric names (attribute metrics such as {@code campaign_name} included)
 * @param allStatusesOf   the status field whose {@code STATUS_ALL} filter includes deleted entities
 *                        ({@code campaign_status}); null at advertiser level
 */
public record ReportRequest(String advertiserId, String dataLevel, List<String> dimensions, List<String> metrics,
        LocalDate startDate, LocalDate endDate, String allStatusesOf) {

    public ReportRequest {
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
        if (startDate.isAfter(endDate)) {
            throw new IllegalArgumentException("startDate after endDate");
        }
    }

    /** The same report over other days. */
    public ReportRequest between(LocalDate start, LocalDate end) {
        return new ReportRequest(advertiserId, dataLevel, dimensions, metrics, start, end, allStatusesOf);
    }
}
