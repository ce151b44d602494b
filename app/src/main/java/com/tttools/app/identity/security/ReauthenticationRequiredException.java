package com.tttools.app.identity.security;

/**
 * The action needs a signed-in session whose password (or second factor) was proven within the
 * reauthentication window; a personal access token never qualifies. The API answers 403 with the problem type
 * {@link #PROBLEM_TYPE}, pages show the confirm-password form.
 */
public class ReauthenticationRequiredException extends RuntimeException {

    public static final String PROBLEM_TYPE = "urn:tttools:problem:reauthentication-required";

    private final boolean personalAccessToken;

    ReauthenticationRequiredException(boolean personalAccessToken) {
        super(personalAccessToken
                ? "Personal access tokens cannot do this. Sign in and confirm your password."
                : "Confirm your password first (POST /api/v1/me/reauthenticate), then repeat the request.");
        this.personalAccessToken = personalAccessToken;
    }

    /** True when the request came with a personal access token, which no confirmation can make sufficient. */
    public boolean personalAccessToken() {
        return personalAccessToken;
    }
}
