package com.tttools.app.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A report request, validated: level, advertiser-local date range (inclusive), metrics, grouping, filters
 * (advertisers, campaigns, ad groups, the entity's status in the inventory or {@code REMOVED}, a name fragment),
 * sort and paging. Filters that do not fit the level are rejected before a query is built.
 */
public record ReportQuery(ReportLevel level, LocalDate from, LocalDate to, List<Metric> metrics, boolean byDate,
        boolean byEntity, Filters filters, Sort sort, int limit, int offset, String reportingCurrency) {

    /** Without a reporting currency: amounts only in each advertiser's own currency. */
    public ReportQuery(ReportLevel level, LocalDate from, LocalDate to, List<Metric> metrics, boolean byDate,
            boolean byEntity, Filters filters, Sort sort, int limit, int offset) {
        this(level, from, to, metrics, byDate, byEntity, filters, sort, limit, offset, null);
    }

    /**
     * The same query, also converting money into {@code currency} (ISO 4217) at the daily reference rates; sorting by
     * spend or a cost metric then sorts by the converted value.
     */
    public ReportQuery inCurrency(String currency) {
        return new ReportQuery(level, from, to, metrics, byDate, byEntity, filters, sort, limit, offset, currency);
    }

    /** Pseudo status of entities that left TikTok's listings (the inventory's {@code REMOVED}). */
    public static final String REMOVED = "REMOVED";

    public ReportQuery {
        metrics = List.copyOf(metrics);
        filters = filters == null ? Filters.NONE : filters;
        sort = sort == null ? Sort.defaultFor(byDate, byEntity) : sort;
    }

    /** Empty lists and nulls mean "no filter". */
    /** {@code objective}: only entities under campaigns with that TikTok objective type (not at advertiser level). */
    public record Filters(List<String> advertiserIds, List<String> campaignIds, List<String> adgroupIds, String status,
            String name, String objective) {

        public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), null, null, null);

        public Filters {
            advertiserIds = advertiserIds == null ? List.of() : List.copyOf(advertiserIds);
            campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
            adgroupIds = adgroupIds == null ? List.of() : List.copyOf(adgroupIds);
            status = status == null || status.isBlank() ? null : status;
            name = name == null || name.isBlank() ? null : name.strip();
            objective = objective == null || objective.isBlank() ? null : objective.strip();
        }

        public Filters(List<String> advertiserIds, List<String> campaignIds, List<String> adgroupIds, String status,
                String name) {
            this(advertiserIds, campaignIds, adgroupIds, status, name, null);
        }
    }

    /** {@code key} is {@code date}, {@code name} or a metric's API name. */
    public record Sort(String key, boolean descending) {

        static Sort defaultFor(boolean byDate, boolean byEntity) {
            return byDate ? new Sort("date", false) : new Sort(Metric.SPEND.apiName(), true);
        }

        /** The API form: {@code key} ascending, {@code -key} descending. */
        public String toParameter() {
            return (descending ? "-" : "") + key;
        }
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** The period of equal length just before this one, for comparisons. */
    public ReportQuery previousPeriod() {
        return new ReportQuery(level, from.minusDays(days()), from.minusDays(1), metrics, byDate, byEntity, filters,
                sort, limit, 0, reportingCurrency);
    }
}
