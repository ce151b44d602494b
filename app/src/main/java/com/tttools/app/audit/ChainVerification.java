package com.tttools.app.audit;

import java.util.UUID;

/**
 * What walking a chain found.
 *
 * @param ok                 every row fits and the chain ends at its recorded head
 * @param checkedCount       rows checked (up to and including the first broken one)
 * @param firstBrokenEventId the first row whose hash, link or sequence number does not fit; null when ok or
 *                           when rows are missing after the last one
 * @param problem            a short reason when not ok, null otherwise
 */
public record ChainVerification(boolean ok, long checkedCount, UUID firstBrokenEventId, String problem) {

    public static ChainVerification intact(long checkedCount) {
        return new ChainVerification(true, checkedCount, null, null);
    }

    public static ChainVerification brokenAt(UUID eventId, long checkedCount, String problem) {
        return new ChainVerification(false, checkedCount, eventId, problem);
    }
}
