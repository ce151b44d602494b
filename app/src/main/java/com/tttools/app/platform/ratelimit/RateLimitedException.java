package com.tttools.app.platform.ratelimit;

import java.time.Duration;

/** A request refused by an abuse limit: APIs answer 429 with {@code Retry-After}; pages show a message. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many attempts", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
