package com.tttools.simulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's clock. Runs with system time (plus an offset) until a test pins it with
 * {@link #set(Instant)}; a pinned clock only moves through {@link #advance(Duration)}.
 */
public final class SimClock extends Clock {

    private volatile Instant pinned;
    private volatile Duration offset = Duration.ZERO;

    public SimClock(Instant pinnedOrNull) {
        this.pinned = pinnedOrNull;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulator clock is always UTC");
    }

    @Override
    public Instant instant() {
        Instant p = pinned;
        return p != null ? p : Instant.now().plus(offset);
    }

    public synchronized void set(Instant now) {
        pinned = now;
    }

    public synchronized void advance(Duration by) {
        if (pinned != null) {
            pinned = pinned.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Lets a pinned clock run again from where it stands. */
    public synchronized void release() {
        if (pinned != null) {
            offset = Duration.between(Instant.now(), pinned);
            pinned = null;
        }
    }

    public boolean isPinned() {
        return pinned != null;
    }
}
