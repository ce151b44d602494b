package com.tttools.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Knobs for the points the reference marks as unsure (section 13) and for data dynamics.
 * Defaults are the most likely real behaviour; README.md explains each one.
 *
 * @param authCodeTtl lifetime of an auth_code (reference: 1 h vs 10 min; we take 10 min)
 * @param reportLatency most recent hours not yet visible in reports
 * @param restatementDays days after which a day's conversions stop rising
 * @param emptyTotalPage page_info.total_page when there are no rows (0 = ceil(0/n); fixtures show 1)
 * @param defaultBuyingTypes campaign/get buying_types when the filter omits them
 * @param advertiserPathQps per advertiser x path QPS before 40133
 * @param qpm optional per-app requests per minute; exceeding it cools the app down
 * @param qpmCooldown how long a QPM breach keeps answering 40100
 * @param qpd optional per-app requests per UTC day
 * @param queryTooLargeRows report rows above which 40067 is answered
 * @param asyncPollsToComplete task/check calls after which an async task is SUCCESS
 * @param acceptQueryAccessToken also read {@code ?Access-Token=} (the official YAML lists it as a query param)
 * @param strictTrailingSlash reject paths without the trailing slash instead of accepting both
 * @param sandbox behave like sandbox-ads.tiktok.com (reference 7): no oauth2/advertiser/get, no secondary_status, no total metrics
 * @param smartPlusShareWithoutModifyTime share of ads returned without modify_time, as Smart+ ads sometimes are
 * @param callbackAlsoCode add {@code code=} next to {@code auth_code=} in the advertiser callback (some integrators report both)
 * @param maxIdsPerWrite ids per status update and items per budget update (documented 20 for campaigns and ads, inferred for ad groups)
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
        return new Behaviour(Duration.ofMinutes(10), Duration.ofHours(3), 7, 0, List.of("AUCTION", "RESERVATION_RF"), 20, null, Duration.ofMinutes(5), null, 1_000_000, 2, true, false, false, 0.0, false, 20);
    }

    public Behaviour withAuthCodeTtl(Duration value) {
        return new Behaviour(value, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withReportLatency(Duration value) {
        return new Behaviour(authCodeTtl, value, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withRestatementDays(int value) {
        return new Behaviour(authCodeTtl, reportLatency, value, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withEmptyTotalPage(int value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, value, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withDefaultBuyingTypes(List<String> value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, value, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withQueryTooLargeRows(int value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, value, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withAsyncPollsToComplete(int value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, value, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withAcceptQueryAccessToken(boolean value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, value, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withStrictTrailingSlash(boolean value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, value, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withSandbox(boolean value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, value, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withSmartPlusShareWithoutModifyTime(double value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, value, callbackAlsoCode, maxIdsPerWrite);
    }

    public Behaviour withCallbackAlsoCode(boolean value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, value, maxIdsPerWrite);
    }

    public Behaviour withMaxIdsPerWrite(int value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps, qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, value);
    }

    public Behaviour withLimits(int pathQps, Integer perMinute, Integer perDay) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, pathQps, perMinute, qpmCooldown, perDay, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash, sandbox, smartPlusShareWithoutModifyTime, callbackAlsoCode, maxIdsPerWrite);
    }
}
