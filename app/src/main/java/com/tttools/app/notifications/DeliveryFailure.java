package com.tttools.app.notifications;

import java.time.Duration;

/** A send that did not succeed: retryable (5xx, 429, network) or not (invalid address); retryAfter may be null. */
public class DeliveryFailure extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryFailure(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
