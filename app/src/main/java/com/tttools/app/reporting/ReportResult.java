package com.tttools.app.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report: rows (per date and/or entity, per currency), totals per currency (never summed across currencies),
 * the previous period's totals, how final each date is, the advertisers it covers with their currency and
 * timezone, and when its data was last pulled. With a reporting currency ({@link ReportQuery#reportingCurrency()}),
 * also every money metric converted into it (rows' {@code converted}, {@code convertedTotal} summed over all
 * currencies) and which rates that used ({@code conversion}); null without one. Grouped by date only,
 * {@code convertedRows} has one row per date summed over all currencies in the reporting currency (empty otherwise).
 */
public record ReportResult(List<Row> rows, List<Total> totals, List<Total> previousTotals, List<DateStatus> dates,
        List<AdvertiserInfo> advertisers, List<String> currencies, List<String> timezones, List<String> warnings,
        Instant dataAsOf, boolean hasMore, Total convertedTotal, Total previousConvertedTotal, Conversion conversion,
        List<Row> convertedRows) {

    public ReportResult(List<Row> rows, List<Total> totals, List<Total> previousTotals, List<DateStatus> dates,
            List<AdvertiserInfo> advertisers, List<String> currencies, List<String> timezones, List<String> warnings,
            Instant dataAsOf, boolean hasMore) {
        this(rows, totals, previousTotals, dates, advertisers, currencies, timezones, warnings, dataAsOf, hasMore, null,
                null, null, List.of());
    }

    /**
     * One row. {@code entity} is null unless grouped by entity; {@code previous} holds the same entity's metrics in
     * the previous period of equal length (grouped by entity only; null where it had no facts then).
     */
    public record Row(LocalDate date, Entity entity, String advertiserId, String currency, Map<String, Object> metrics,
            Map<String, Object> previous, Map<String, Object> converted) {

        public Row(LocalDate date, Entity entity, String advertiserId, String currency, Map<String, Object> metrics,
                Map<String, Object> previous) {
            this(date, entity, advertiserId, currency, metrics, previous, null);
        }

        public String entityId() {
            return entity == null ? null : entity.tiktokId();
        }
    }

    /**
     * The entity of a row: TikTok's id, our inventory id (null until the asset sync has seen it), its name (the
     * inventory's, else the one the report gave) and its status in the inventory ({@code REMOVED} when it left
     * TikTok's listings; null when unknown).
     */
    public record Entity(String tiktokId, String inventoryId, String name, String status, String campaignId,
            String adgroupId) {
    }

    public record Total(String currency, Map<String, Object> metrics) {
    }

    /**
     * How money was converted into the reporting {@code currency}: the rates used per currency (units per 1 EUR; first
     * and last rate date, the latest rate, its sources), the report's days converted at an earlier day's rate (no
     * rate published that day), and notices for amounts without any rate (those stay unconverted: null, not 0).
     */
    public record Conversion(String currency, List<Conversion.RateUsed> rates, List<LocalDate> earlierRateDays,
            List<String> notices) {

        public record RateUsed(String currency, LocalDate firstDate, LocalDate lastDate, java.math.BigDecimal latestPerEur,
                String sources) {
        }
    }

    /** {@code PROVISIONAL} inside the restatement window (TikTok may still revise it), else {@code SETTLED}. */
    public record DateStatus(LocalDate date, Finality status) {
    }

    /**
     * An advertiser with facts in the report; dates are in its own timezone, money in its currency. Name and
     * timezone are as the last report sync saw them (null if no sync has recorded them yet).
     */
    public record AdvertiserInfo(String advertiserId, String name, String currency, String timezone) {
    }
}
