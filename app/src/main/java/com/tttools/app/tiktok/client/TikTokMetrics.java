package com.tttools.app.tiktok.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The client's Prometheus meters (docs/operations.md, Metrics): every attempt sent to TikTok by path and outcome
 * code, TikTok's rate-limit answers by code (40100 app, 40133 advertiser x path), the time calls waited for a
 * rate-limit token, and failures of the shared (Redis) bucket store.
 */
final class TikTokMetrics {

    /** For the client's unit tests: meters that record nowhere. */
    static final TikTokMetrics NONE = new TikTokMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;
    private final Counter storeFailures;

    TikTokMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered up front: a series at 0 rather than none until Redis first fails
        this.storeFailures = Counter.builder("tttools.tiktok.ratelimit.store.failures")
                .description("Shared (Redis) rate-limit store failures; the node paced itself locally meanwhile")
                .register(registry);
    }

    /**
     * One attempt: {@code code} is TikTok's answer code ("0" = success), {@code http_<status>} for an answer without
     * an envelope, or {@code transport} when no answer came.
     */
    void attempt(String path, String code, long nanos) {
        Timer.builder("tttools.tiktok.calls").description("Requests sent to TikTok's Marketing API, by outcome code")
                .tag("path", path).tag("code", code).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void throttled(int code) {
        Counter.builder("tttools.tiktok.throttled").description("TikTok's rate-limit answers (40100 app, 40133 advertiser x path)")
                .tag("code", Integer.toString(code)).register(registry).increment();
    }

    /** A call waited for a token of {@code bucket} ({@code app} or {@code advertiser_path}). */
    void waited(String bucket, long nanos) {
        Timer.builder("tttools.tiktok.ratelimit.waits").description("Calls that waited for a rate-limit token, and how long")
                .tag("bucket", bucket).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void storeFailed() {
        storeFailures.increment();
    }
}
