package com.tttools.app.tiktok;

/** Who waits for a call: interactive work (a user on a page) goes before background syncs at the rate limiter. */
public enum CallPriority {
    INTERACTIVE,
    BACKGROUND
}
