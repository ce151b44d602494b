package com.tttools.app.identity.account;

import java.time.Duration;

/** Outcome of a sign-in attempt. Failures carry no reason: callers answer one generic message. */
public sealed interface LoginResult {

    /** {@code restored}: the account was pending deletion and this sign-in cancelled that. */
    record Succeeded(UserRecord user, boolean restored) implements LoginResult {

        public Succeeded(UserRecord user) {
            this(user, false);
        }
    }

    /** Password right, second factor needed (or was wrong: that is {@link Failed}). */
    record SecondFactorRequired(UserRecord user) implements LoginResult {
    }

    record Failed() implements LoginResult {
    }

    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
