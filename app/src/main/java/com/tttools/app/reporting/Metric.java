package com.tttools.app.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The metrics a report can show. Counts are sums of stored facts (one column each, pulled under TikTok's metric
 * name); reach is stored as TikTok reports it per entity and day; ratios are computed from the summed bases of the
 * row (never averaged from daily ratios), TikTok's way: CTR, conversion rate and engagement rate in percent.
 */
public enum Metric {
    SPEND("spend", "Spend", null, "spend"),
    IMPRESSIONS("impressions", "Impressions", "impressions", "impressions"),
    CLICKS("clicks", "Clicks", "clicks", "clicks"),
    CONVERSIONS("conversions", "Conversions", "conversions", "conversion"),
    RESULTS("results", "Results", "results", "result"),
    VIDEO_VIEWS("videoViews", "Video views", "video_views", "video_play_actions"),
    VIDEO_WATCHED_2S("videoWatched2s", "2-second views", "video_watched_2s", "video_watched_2s"),
    VIDEO_WATCHED_6S("videoWatched6s", "6-second views", "video_watched_6s", "video_watched_6s"),
    VIDEO_VIEWS_P25("videoViewsP25", "Views to 25%", "video_views_p25", "video_views_p25"),
    VIDEO_VIEWS_P50("videoViewsP50", "Views to 50%", "video_views_p50", "video_views_p50"),
    VIDEO_VIEWS_P75("videoViewsP75", "Views to 75%", "video_views_p75", "video_views_p75"),
    VIDEO_VIEWS_P100("videoViewsP100", "Views to 100%", "video_views_p100", "video_views_p100"),
    LIKES("likes", "Likes", "likes", "likes"),
    COMMENTS("comments", "Comments", "comments", "comments"),
    SHARES("shares", "Shares", "shares", "shares"),
    FOLLOWS("follows", "Follows", "follows", "follows"),
    PROFILE_VISITS("profileVisits", "Profile visits", "profile_visits", "profile_visits"),
    REACH("reach", "Reach", null, "reach"),
    FREQUENCY("frequency", "Frequency", null, null),
    CTR("ctr", "CTR %", null, null),
    CPC("cpc", "CPC", null, null),
    CPM("cpm", "CPM", null, null),
    COST_PER_CONVERSION("costPerConversion", "Cost / conversion", null, null),
    CONVERSION_RATE("conversionRate", "Conversion rate %", null, null),
    ENGAGEMENT_RATE("engagementRate", "Engagement rate %", null, null);

    /** The counted metrics, in the order of {@link Bases#counts()}. */
    public static final List<Metric> COUNTS = Arrays.stream(values()).filter(m -> m.column != null).toList();
    private static final int[] COUNT_INDEX = new int[values().length];
    /** Each metric's ratio, made once: {@link #value} runs for every cell of a CSV export. */
    private static final Ratio[] RATIOS = new Ratio[values().length];

    static {
        for (Metric metric : values()) {
            RATIOS[metric.ordinal()] = metric.definedRatio();
        }
        Arrays.fill(COUNT_INDEX, -1);
        for (int i = 0; i < COUNTS.size(); i++) {
            COUNT_INDEX[COUNTS.get(i).ordinal()] = i;
        }
    }

    private final String apiName;
    private final String label;
    private final String column;
    private final String tiktokName;

    Metric(String apiName, String label, String column, String tiktokName) {
        this.apiName = apiName;
        this.label = label;
        this.column = column;
        this.tiktokName = tiktokName;
    }

    public String apiName() {
        return apiName;
    }

    /** How pages title the metric's column. */
    public String label() {
        return label;
    }

    /** The fact column of a counted metric (null for spend, reach and ratios). */
    public String column() {
        return column;
    }

    /** The name TikTok's report API uses for a stored metric (null for ratios computed here). */
    public String tiktokName() {
        return tiktokName;
    }

    public static Optional<Metric> of(String apiName) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(apiName)).findFirst();
    }

    /**
     * A ratio: the sum of {@code numerator} (spend or counts) times {@code scaleBy}, divided by {@code denominator}
     * (a count, or reach), rounded to two decimals; none where the denominator is zero. The one definition both
     * {@link #value} (Java, on summed bases) and {@link #sqlExpression} (SQL, for sorting) are derived from.
     */
    private record Ratio(List<Metric> numerator, Metric denominator, int scaleBy) {
    }

    /** The ratio this metric is, or null for spend, reach and the counts. */
    private Ratio ratio() {
        return RATIOS[ordinal()];
    }

    private Ratio definedRatio() {
        return switch (this) {
            case FREQUENCY -> new Ratio(List.of(IMPRESSIONS), REACH, 1);
            case CTR -> new Ratio(List.of(CLICKS), IMPRESSIONS, 100);
            case CPC -> new Ratio(List.of(SPEND), CLICKS, 1);
            case CPM -> new Ratio(List.of(SPEND), IMPRESSIONS, 1000);
            case COST_PER_CONVERSION -> new Ratio(List.of(SPEND), CONVERSIONS, 1);
            case CONVERSION_RATE -> new Ratio(List.of(CONVERSIONS), CLICKS, 100);
            case ENGAGEMENT_RATE -> new Ratio(List.of(CLICKS, LIKES, COMMENTS, SHARES, FOLLOWS, PROFILE_VISITS),
                    IMPRESSIONS, 100);
            default -> null;
        };
    }

    /** The counted metrics this metric is computed from (itself for a count; none for spend and reach). */
    public List<Metric> counts() {
        Ratio ratio = ratio();
        if (ratio == null) {
            return this == SPEND || this == REACH ? List.of() : List.of(this);
        }
        return java.util.stream.Stream.concat(ratio.numerator().stream(), java.util.stream.Stream.of(ratio.denominator()))
                .filter(m -> m.column != null).distinct().toList();
    }

    /** Reach counts unique people: it (and frequency, built on it) cannot be summed across days or entities. */
    public boolean additive() {
        return this != REACH && this != FREQUENCY;
    }

    /** True for the metrics computed as a ratio (two decimals; none where the denominator is zero). */
    public boolean isRatio() {
        return ratio() != null;
    }

    /** {@link #hundredths}: the denominator is zero or unknown ({@link #value} gives null). */
    public static final long NO_RATIO = Long.MIN_VALUE;
    /** {@link #hundredths}: longs do not hold the computation; {@link #value} gives the ratio. */
    public static final long NOT_IN_LONGS = Long.MIN_VALUE + 1;

    /**
     * This ratio's {@link #value} times 100, exactly (the same half-up rounding of the exact quotient), in longs: for
     * a CSV export's millions of cells, where {@code BigDecimal}s cost more than the database's reading. Spend is
     * {@code spendUnscaled / 10^spendScale}; {@code counts} as in {@link Bases}. Returns {@link #NO_RATIO} or
     * {@link #NOT_IN_LONGS} (an intermediate product beyond a long, or a negative denominator).
     */
    public long hundredths(long spendUnscaled, int spendScale, long[] counts, Long reach) {
        Ratio ratio = ratio();
        Long denominator = ratio.denominator() == REACH ? reach : Long.valueOf(counts[COUNT_INDEX[ratio.denominator().ordinal()]]);
        if (denominator == null || denominator == 0) {
            return NO_RATIO;
        }
        if (denominator < 0 || spendScale < 0 || spendScale > 18) {
            return NOT_IN_LONGS;
        }
        try {
            long unit = LONG_POWERS_OF_TEN[spendScale];
            long numerator = 0; // at spendScale
            for (Metric term : ratio.numerator()) {
                numerator = Math.addExact(numerator, term == SPEND ? spendUnscaled
                        : Math.multiplyExact(counts[COUNT_INDEX[term.ordinal()]], unit));
            }
            if (numerator == Long.MIN_VALUE) {
                return NOT_IN_LONGS;
            }
            long dividend = Math.multiplyExact(Math.multiplyExact(Math.abs(numerator), ratio.scaleBy()), 100);
            long divisor = Math.multiplyExact(denominator.longValue(), unit);
            long quotient = dividend / divisor;
            long remainder = dividend % divisor;
            if (remainder >= divisor - remainder) {
                quotient++;
            }
            return numerator < 0 ? -quotient : quotient;
        } catch (ArithmeticException e) {
            return NOT_IN_LONGS;
        }
    }

    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        LONG_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = LONG_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The value of this metric for a row of summed bases; null where the denominator is zero. */
    public Object value(Bases b) {
        Ratio ratio = ratio();
        if (ratio != null) {
            BigDecimal numerator = BigDecimal.ZERO;
            for (Metric term : ratio.numerator()) {
                numerator = numerator.add(term == SPEND ? b.spend() : BigDecimal.valueOf(b.count(term)));
            }
            Long denominator = ratio.denominator() == REACH ? b.reach() : Long.valueOf(b.count(ratio.denominator()));
            if (denominator == null || denominator == 0) {
                return null;
            }
            return numerator.multiply(BigDecimal.valueOf(ratio.scaleBy())).divide(BigDecimal.valueOf(denominator), 2,
                    RoundingMode.HALF_UP);
        }
        return switch (this) {
            case SPEND -> b.spend();
            case REACH -> b.reach();
            default -> b.count(this);
        };
    }

    /**
     * This metric as a SQL expression over columns named like the facts' summed bases ({@code spend}, {@code reach}
     * and each count's {@link #column()}): a ratio is NULL where its denominator is zero.
     */
    public String sqlExpression() {
        return sqlExpression("spend");
    }

    /** {@link #sqlExpression()} with spend read from {@code spendColumn} (e.g. spend converted into one currency). */
    public String sqlExpression(String spendColumn) {
        Ratio ratio = ratio();
        if (ratio == null) {
            return this == SPEND ? spendColumn : this == REACH ? "reach" : column;
        }
        String numerator = String.join(" + ", ratio.numerator().stream().map(m -> m.sqlExpression(spendColumn)).toList());
        return "(" + numerator + ")::numeric * " + ratio.scaleBy() + " / nullif("
                + ratio.denominator().sqlExpression(spendColumn) + ", 0)";
    }

    /** An amount of money (spend, CPC, CPM, cost per conversion): converted into a reporting currency. */
    public boolean money() {
        Ratio ratio = ratio();
        return this == SPEND || (ratio != null && ratio.numerator().contains(SPEND));
    }

    /** Summed base values of one row: spend, the counts in the order of {@link #COUNTS}, and reach where known. */
    public record Bases(BigDecimal spend, long[] counts, Long reach) {

        public long count(Metric metric) {
            return counts[COUNT_INDEX[metric.ordinal()]];
        }

        /** The sum of two rows of bases (reach is not additive: the sum has none). */
        public Bases plus(Bases other) {
            long[] sum = counts.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.counts[i];
            }
            return new Bases(spend.add(other.spend), sum, null);
        }
    }
}
