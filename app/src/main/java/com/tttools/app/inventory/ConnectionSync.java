package com.tttools.app.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The last finished asset sync of a connection, with the advertisers granted and lost since the one before. */
public record ConnectionSync(UUID connectionId, List<String> advertiserIds, List<String> grantedSinceLast,
        List<String> lostSinceLast, Instant lastStartedAt, Instant lastFinishedAt) {
}
