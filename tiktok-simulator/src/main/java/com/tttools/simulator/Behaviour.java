package com.tttools.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Knobs for the points the reference marks as unsure (section 13) and for data dynamics.
 * Defaults are the most likely real behaviour; README.md explains each one.
 *
 * @param authCodeTtl           lifetime of an auth_code (reference: 1 h vs 10 min; we take 10 min)
 * @param reportLatency         most recent hours not yet visible in reports
 * @param restatementDays       days after which a day's conversions stop rising
 * @param emptyTotalPage        page_info.total_page when there are no rows (0 = ceil(0/n); fixtures show 1)
 * @param defaultBuyingTypes    campaign/get buying_types when the filter omits them
 * @param advertiserPathQps     per advertiser x path QPS before 40133
 * @param qpm                   optional per-app requests per minute; exceeding it cools the app down
 * @param qpmCooldown           how long a QPM breach keeps answering 40100
 * @param qpd                   optional per-app requests per UTC day
 * @param queryTooLargeRows     report rows above which 40067 is answered
 * @param asyncPollsToComplete  task/check calls after which an async task is SUCCESS
 * @param acceptQueryAccessToken also read {@code ?Access-Token=} (the official YAML lists it as a query param)
 * @param strictTrailingSlash   reject paths without the trailing slash instead of accepting both
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
        boolean strictTrailingSlash) {

    public Behaviour {
        defaultBuyingTypes = List.copyOf(defaultBuyingTypes);
    }

    public static Behaviour defaults() {
        return new Behaviour(Duration.ofMinutes(10), Duration.ofHours(3), 7, 0, List.of("AUCTION", "RESERVATION_RF"),
                20, null, Duration.ofMinutes(5), null, 1_000_000, 2, true, false);
    }

    public Behaviour withReportLatency(Duration latency) {
        return new Behaviour(authCodeTtl, latency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withRestatementDays(int days) {
        return new Behaviour(authCodeTtl, reportLatency, days, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withEmptyTotalPage(int value) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, value, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withDefaultBuyingTypes(List<String> types) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, types, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withAuthCodeTtl(Duration ttl) {
        return new Behaviour(ttl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withLimits(int advertiserPathQps, Integer qpm, Integer qpd) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withQueryTooLargeRows(int rows) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, rows, asyncPollsToComplete, acceptQueryAccessToken, strictTrailingSlash);
    }

    public Behaviour withStrictTrailingSlash(boolean strict) {
        return new Behaviour(authCodeTtl, reportLatency, restatementDays, emptyTotalPage, defaultBuyingTypes, advertiserPathQps,
                qpm, qpmCooldown, qpd, queryTooLargeRows, asyncPollsToComplete, acceptQueryAccessToken, strict);
    }
}
