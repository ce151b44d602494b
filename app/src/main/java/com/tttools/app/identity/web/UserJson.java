package com.tttools.app.identity.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.identity.account.UserRecord;

/** The {@code {user}} object of the API contract. */
record UserJson(String id, String email, String name, boolean emailVerified) {

    static UserJson of(UserRecord user) {
        return new UserJson(user.id().toString(), user.email(), user.name(), user.emailVerified());
    }

    /** Spring MVC prints a body at DEBUG: the address masked, the name left out (docs/security.md, Secrets in logs). */
    @Override
    public String toString() {
        return "UserJson[id=" + id + ", email=" + MaskedEmail.of(email) + "]";
    }
}
