package com.tttools.app.bulk;

/** A line's state; SENDING (a chunk in flight) is shown as PENDING. */
public enum LineStatus {
    PENDING, SENDING, APPLIED, SKIPPED, FAILED, VERIFIED, DRIFTED;

    /** Written at TikTok (whether checked since or not). */
    public boolean written() {
        return this == APPLIED || this == VERIFIED || this == DRIFTED;
    }
}
