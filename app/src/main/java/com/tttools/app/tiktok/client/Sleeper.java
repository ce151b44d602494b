package com.tttools.app.tiktok.client;

import java.time.Duration;

/** Waiting between attempts; a seam so unit tests can record waits instead of waiting. */
interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
