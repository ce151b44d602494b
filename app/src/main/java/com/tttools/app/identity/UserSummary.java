package com.tttools.app.identity;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.shared.UserId;

/** What other modules may know about a user. */
public record UserSummary(UserId id, String email, String name, boolean emailVerified, boolean twoFactorEnabled) {

    @Override
    public String toString() {
        return "UserSummary[id=" + id + ", email=" + MaskedEmail.of(email) + "]";
    }
}
