package com.tttools.app.privacy;

import com.tttools.app.shared.UserId;
import java.time.Instant;

/** An account deletion was requested: sessions and tokens ended; the data goes at {@code purgeAfter}. */
public record AccountDeletionScheduled(UserId userId, Instant requestedAt, Instant purgeAfter) {
}
