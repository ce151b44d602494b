package com.tttools.app.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics a report can show. Base metrics are sums of stored facts; ratios are computed from the summed
 * bases of the row (never averaged from daily ratios), TikTok's way: CTR and conversion rate in percent.
 */
public enum Metric {
    SPEND("spend", "Spend"), IMPRESSIONS("impressions", "Impressions"), CLICKS("clicks", "Clicks"),
    CONVERSIONS("conversions", "Conversions"), RESULTS("results", "Results"), VIDEO_VIEWS("videoViews", "Video views"),
    REACH("reach", "Reach"), FREQUENCY("frequency", "Frequency"),
    CTR("ctr", "CTR %"), CPC("cpc", "CPC"), CPM("cpm", "CPM"), COST_PER_CONVERSION("costPerConversion", "Cost / conversion"),
    CONVERSION_RATE("conversionRate", "Conversion rate %");

    private final String apiName;
    private final String label;

    Metric(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    public String apiName() {
        return apiName;
    }

    /** How pages title the metric's column. */
    public String label() {
        return label;
    }

    public static Optional<Metric> of(String apiName) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(apiName)).findFirst();
    }

    /** Reach counts unique people: it (and frequency, built on it) cannot be summed across days or entities. */
    public boolean additive() {
        return this != REACH && this != FREQUENCY;
    }

    /** The value of this metric for a row of summed bases; null where the denominator is zero. */
    public Object value(Bases b) {
        return switch (this) {
            case SPEND -> b.spend();
            case IMPRESSIONS -> b.impressions();
            case CLICKS -> b.clicks();
            case CONVERSIONS -> b.conversions();
            case RESULTS -> b.results();
            case VIDEO_VIEWS -> b.videoViews();
            case REACH -> b.reach();
            case FREQUENCY -> b.reach() == null ? null : ratio(BigDecimal.valueOf(b.impressions()), b.reach(), 1, 2);
            case CTR -> ratio(BigDecimal.valueOf(b.clicks()), b.impressions(), 100, 2);
            case CPC -> ratio(b.spend(), b.clicks(), 1, 2);
            case CPM -> ratio(b.spend(), b.impressions(), 1000, 2);
            case COST_PER_CONVERSION -> ratio(b.spend(), b.conversions(), 1, 2);
            case CONVERSION_RATE -> ratio(BigDecimal.valueOf(b.conversions()), b.clicks(), 100, 2);
        };
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator, int scaleBy, int decimals) {
        if (denominator == 0) {
            return null;
        }
        return numerator.multiply(BigDecimal.valueOf(scaleBy)).divide(BigDecimal.valueOf(denominator), decimals,
                RoundingMode.HALF_UP);
    }

    /** Summed base values of one row. */
    public record Bases(BigDecimal spend, long impressions, long clicks, long conversions, long results, long videoViews,
            Long reach) {
    }
}
