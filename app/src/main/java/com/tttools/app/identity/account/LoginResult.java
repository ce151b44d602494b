package com.tttools.app.identity.account;

import java.time.Duration;

/** Outcome of a sign-in attempt. Failures carry no reason: callers answer one generic message. */
public sealed interface LoginResult {

    record Succeeded(UserRecord user) implements LoginResult {
    }

    /** Password right, second factor needed (or was wrong: that is {@link Failed}). */
    record SecondFactorRequired(UserRecord user) implements LoginResult {
    }

    record Failed() implements LoginResult {
    }

    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
