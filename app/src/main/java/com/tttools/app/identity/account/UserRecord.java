package com.tttools.app.identity.account;

import com.tttools.app.shared.UserId;
import java.time.Instant;

/** A row of {@code users}. The hash never leaves this package's services. */
public record UserRecord(UserId id, String email, String name, String passwordHash, Instant emailVerifiedAt,
        Instant passwordChangedAt, Instant createdAt) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    @Override
    public String toString() {
        return "UserRecord[id=" + id + "]";
    }
}
