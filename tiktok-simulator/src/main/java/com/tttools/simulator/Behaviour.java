package com.tttools.simulator;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Knobs for the points where TikTok's behaviour is unsure (docs/tiktok-api-facts.md) and for data dynamics.
 * Defaults are the most likely real behaviour; README.md explains each one.
 *
 * @param authCodeTtl lifetime of an auth_code (sources say 1 h or 10 min; we take 10 min)
 * @param reportLatency most recent hours not yet visible in reports
 * @param restatementDays days after which a day's conversions stop rising
 * @param emptyTotalPage page_info.total_page when there are no rows (0 = ceil(0/n); fixtures show 1)
 * @param defaultBuyingTypes campaign/get buying_types when the filter omits them
 * @param advertiserPathQps per advertiser x path QPS before 40133
 * @param qpm optional per-app requests per minute; exceeding it cools the app down
 * @param qpmCooldown how long a QPM breach keeps answering 40100
 * @param qpd optional per-app requests per UTC day
 * @param queryTooLargeRows estimated report rows (entities x time buckets x breakdown values) above which 40067 is answered;
 *                          also bounds the memory one report may take
 * @param asyncPollsToComplete task/check calls after which an async task is SUCCESS
 * @param acceptQueryAccessToken also read {@code ?Access-Token=} (the official YAML lists it as a query param)
 * @param strictTrailingSlash reject paths without the trailing slash instead of accepting both
 * @param sandbox behave like sandbox-ads.tiktok.com: no oauth2/advertiser/get, no secondary_status, no total metrics
 * @param smartPlusShareWithoutModifyTime share of ads returned without modify_time, as Smart+ ads sometimes are
 * @param callbackAlsoCode add {@code code=} next to {@code auth_code=} in the advertiser callback (some integrators report both)
 * @param maxIdsPerWrite ids per status update and items per budget update (20 documented for campaigns and ads, inferred for ad groups)
 */
public record Behaviour(
        Duration authCodeTtl,
        Duration reportLatency,
        int restatementDays,
        int emptyTotalPage,
        List<String> defaultBuyingTypes,
        int advertiserPathQps,
        Integer qpm,
        Duration qpmCooldown,
        Integer qpd,
        int queryTooLargeRows,
        int asyncPollsToComplete,
        boolean acceptQueryAccessToken,
        boolean strictTrailingSlash,
        boolean sandbox,
        double smartPlusShareWithoutModifyTime,
        boolean callbackAlsoCode,
        int maxIdsPerWrite) {

    public Behaviour {
        defaultBuyingTypes = List.copyOf(defaultBuyingTypes);
    }

    public static Behaviour defaults() {
        return new Mutable().build();
    }

    public Behaviour withAuthCodeTtl(Duration value) {
        return copy(b -> b.authCodeTtl = value);
    }

    public Behaviour withReportLatency(Duration value) {
        return copy(b -> b.reportLatency = value);
    }

    public Behaviour withRestatementDays(int value) {
        return copy(b -> b.restatementDays = value);
    }

    public Behaviour withEmptyTotalPage(int value) {
        return copy(b -> b.emptyTotalPage = value);
    }

    public Behaviour withDefaultBuyingTypes(List<String> value) {
        return copy(b -> b.defaultBuyingTypes = value);
    }

    public Behaviour withQueryTooLargeRows(int value) {
        return copy(b -> b.queryTooLargeRows = value);
    }

    public Behaviour withAsyncPollsToComplete(int value) {
        return copy(b -> b.asyncPollsToComplete = value);
    }

    public Behaviour withAcceptQueryAccessToken(boolean value) {
        return copy(b -> b.acceptQueryAccessToken = value);
    }

    public Behaviour withStrictTrailingSlash(boolean value) {
        return copy(b -> b.strictTrailingSlash = value);
    }

    public Behaviour withSandbox(boolean value) {
        return copy(b -> b.sandbox = value);
    }

    public Behaviour withSmartPlusShareWithoutModifyTime(double value) {
        return copy(b -> b.smartPlusShareWithoutModifyTime = value);
    }

    public Behaviour withCallbackAlsoCode(boolean value) {
        return copy(b -> b.callbackAlsoCode = value);
    }

    public Behaviour withMaxIdsPerWrite(int value) {
        return copy(b -> b.maxIdsPerWrite = value);
    }

    public Behaviour withLimits(int pathQps, Integer perMinute, Integer perDay) {
        return copy(b -> {
            b.advertiserPathQps = pathQps;
            b.qpm = perMinute;
            b.qpd = perDay;
        });
    }

    private Behaviour copy(Consumer<Mutable> change) {
        Mutable m = new Mutable();
        m.authCodeTtl = authCodeTtl;
        m.reportLatency = reportLatency;
        m.restatementDays = restatementDays;
        m.emptyTotalPage = emptyTotalPage;
        m.defaultBuyingTypes = defaultBuyingTypes;
        m.advertiserPathQps = advertiserPathQps;
        m.qpm = qpm;
        m.qpmCooldown = qpmCooldown;
        m.qpd = qpd;
        m.queryTooLargeRows = queryTooLargeRows;
        m.asyncPollsToComplete = asyncPollsToComplete;
        m.acceptQueryAccessToken = acceptQueryAccessToken;
        m.strictTrailingSlash = strictTrailingSlash;
        m.sandbox = sandbox;
        m.smartPlusShareWithoutModifyTime = smartPlusShareWithoutModifyTime;
        m.callbackAlsoCode = callbackAlsoCode;
        m.maxIdsPerWrite = maxIdsPerWrite;
        change.accept(m);
        return m.build();
    }

    /** Field-by-field copy so that each wither changes one knob; starts from the defaults. */
    private static final class Mutable {
        private Duration authCodeTtl = Duration.ofMinutes(10);
        private Duration reportLatency = Duration.ofHours(3);
        private int restatementDays = 7;
        private int emptyTotalPage = 0;
        private List<String> defaultBuyingTypes = List.of("AUCTION", "RESERVATION_RF");
        private int advertiserPathQps = 20;
        private Integer qpm = null;
        private Duration qpmCooldown = Duration.ofMinutes(5);
        private Integer qpd = null;
        private int queryTooLargeRows = 200_000;
        private int asyncPollsToComplete = 2;
        private boolean acceptQueryAccessToken = true;
        private boolean strictTrailingSlash = false;
        private boolean sandbox = false;
        private double smartPlusShareWithoutModifyTime = 0.0;
        private boolean callbackAlsoCode = false;
        private int maxIdsPerWrite = 20;

        Behaviour build() {
            return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd,
                    queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime,
                    callbackAlsoCode, maxIdsPerWrite);
        }
    }
}
