package com.tttools.simulator.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tttools.simulator.core.ApiException;

/**
 * TikTok's throttles, answered in-body with HTTP 200: a token bucket per app (40100) and one per
 * advertiser x path (40133), both on wall-clock time so bursts behave like bursts; optional QPM
 * cool-down and QPD quota on the simulator clock so tests can step past them.
 */
public final class RateLimiter {

    private final Map<String, Bucket> appBuckets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> pathBuckets = new ConcurrentHashMap<>();
    private final Map<String, long[]> minuteCounts = new ConcurrentHashMap<>();
    private final Map<String, Long> cooldownUntil = new ConcurrentHashMap<>();
    private final Map<String, long[]> dayCounts = new ConcurrentHashMap<>();
    private volatile Limits limits;

    /** appQps null = each app's own tier. */
    public record Limits(Integer appQps, int advertiserPathQps, Integer qpm, Integer qpd, long cooldownSeconds) {
    }

    public RateLimiter(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public void limits(Limits newLimits) {
        this.limits = newLimits;
        appBuckets.clear();
        pathBuckets.clear();
        minuteCounts.clear();
        cooldownUntil.clear();
        dayCounts.clear();
    }

    public void checkApp(String appId, int appTierQps, long simNowSec) {
        Limits l = limits;
        int qps = l.appQps() != null ? l.appQps() : appTierQps;
        String restricted = "Due to too many requests, requests from App [" + appId + "] are temporarily restricted.";
        Long until = cooldownUntil.get(appId);
        if (until != null && simNowSec < until) {
            throw new ApiException(ApiException.APP_RATE_LIMIT, restricted);
        }
        if (l.qpd() != null) {
            long day = Math.floorDiv(simNowSec, 86_400);
            long[] c = dayCounts.compute(appId, (k, v) -> v == null || v[0] != day ? new long[]{day, 1} : new long[]{day, v[1] + 1});
            if (c[1] > l.qpd()) {
                throw new ApiException(ApiException.APP_RATE_LIMIT, restricted);
            }
        }
        if (l.qpm() != null) {
            long minute = Math.floorDiv(simNowSec, 60);
            long[] c = minuteCounts.compute(appId, (k, v) -> v == null || v[0] != minute ? new long[]{minute, 1} : new long[]{minute, v[1] + 1});
            if (c[1] > l.qpm()) {
                cooldownUntil.put(appId, simNowSec + l.cooldownSeconds());
                throw new ApiException(ApiException.APP_RATE_LIMIT, restricted);
            }
        }
        Bucket bucket = appBuckets.computeIfAbsent(appId + "|" + qps, k -> new Bucket(qps));
        if (!bucket.tryTake()) {
            throw new ApiException(ApiException.APP_RATE_LIMIT, restricted);
        }
    }

    public void checkAdvertiserPath(String advertiserId, String path) {
        int qps = limits.advertiserPathQps();
        Bucket bucket = pathBuckets.computeIfAbsent(advertiserId + "|" + path + "|" + qps, k -> new Bucket(qps));
        if (!bucket.tryTake()) {
            throw new ApiException(ApiException.ADVERTISER_PATH_RATE_LIMIT, "Advertiser (" + advertiserId + ")'s QPS (" + bucket.lastSecondCount()
                    + ") reaches QPS limit " + qps + " for current path, request is temporarily restricted.");
        }
    }

    /** Token bucket of capacity qps refilled at qps per second; also counts calls of the current second for messages. */
    static final class Bucket {
        private final int qps;
        private double tokens;
        private long lastNanos = System.nanoTime();
        private long secondStart = lastNanos;
        private int secondCount;

        Bucket(int qps) {
            this.qps = qps;
            this.tokens = qps;
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(qps, tokens + (now - lastNanos) / 1e9 * qps);
            lastNanos = now;
            if (now - secondStart >= 1_000_000_000L) {
                secondStart = now;
                secondCount = 0;
            }
            secondCount++;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized int lastSecondCount() {
            return secondCount;
        }
    }
}
