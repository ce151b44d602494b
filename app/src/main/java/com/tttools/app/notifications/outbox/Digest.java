package com.tttools.app.notifications.outbox;

import java.time.Duration;

/** One message per event, or an hourly or daily summary by e-mail instead. */
public enum Digest {
    NONE(Duration.ZERO), HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1));

    private final Duration period;

    Digest(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }
}
