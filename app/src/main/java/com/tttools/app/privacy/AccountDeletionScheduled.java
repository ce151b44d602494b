package com.tttools.app.privacy;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/**
 * An account deletion was requested: sessions and tokens ended; the data goes at {@code purgeAfter}. Audited as
 * {@code privacy.account_deleted} (the row's actor e-mail becomes the tombstone when the data goes).
 */
public record AccountDeletionScheduled(UserId userId, String email, Instant requestedAt, Instant purgeAfter,
        RequestMetadata request) implements AuditableEvent {

    @Override
    public AuditEntry auditEntry() {
        return new AuditEntry("privacy.account_deleted", Actor.user(userId, email), "user", userId.toString(), null,
                null, request, Map.of(), requestedAt);
    }
}
