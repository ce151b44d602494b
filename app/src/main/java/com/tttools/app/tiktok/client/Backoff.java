package com.tttools.app.tiktok.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before retry n (1-based) the ceiling is {@code initial * 2^(n-1)}, capped;
 * the wait is {@code ceiling * (1 - jitter * u)} with u uniform in [0, 1). jitter 1.0 is "full jitter" (spreads
 * many clients best); a smaller jitter keeps each wait above the previous one (with 0.25, at least 1.5x).
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;

    Backoff(Duration initial, Duration max, double jitter) {
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
    }

    Duration beforeRetry(int retry) {
        long ceiling = ceilingMillis(retry);
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(ceiling * factor));
    }

    long ceilingMillis(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long ceiling = initial.toMillis() << doublings;
        return Math.min(ceiling < 0 ? Long.MAX_VALUE : ceiling, max.toMillis());
    }
}
