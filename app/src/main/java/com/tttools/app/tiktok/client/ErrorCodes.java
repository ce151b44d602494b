package com.tttools.app.tiktok.client;

import java.util.Set;

/** TikTok's in-body return codes (reference 2.3) grouped by what the client does about them. */
final class ErrorCodes {

    static final Set<Integer> REAUTHORIZE = Set.of(40104, 40105, 40110);
    static final int PERMISSION = 40001;
    static final int QUERY_TOO_LARGE = 40067;
    static final Set<Integer> RATE_LIMITED = Set.of(40100, 40133, 40016);
    /** Transient on TikTok's side: task errors, write conflicts, validation service, system errors, maintenance. */
    static final Set<Integer> RETRYABLE = Set.of(40200, 40201, 40202, 40700, 50000, 50002, 51001, 51039, 51305, 60001);

    private ErrorCodes() {
    }

    static Failure.Kind classify(int code) {
        if (REAUTHORIZE.contains(code)) {
            return Failure.Kind.REAUTHORIZE;
        }
        if (code == PERMISSION) {
            return Failure.Kind.PERMISSION;
        }
        if (code == QUERY_TOO_LARGE) {
            return Failure.Kind.QUERY_TOO_LARGE;
        }
        if (RATE_LIMITED.contains(code)) {
            return Failure.Kind.RATE_LIMITED;
        }
        if (RETRYABLE.contains(code) || code >= 50000) {
            return Failure.Kind.RETRYABLE;
        }
        return Failure.Kind.INVALID;
    }
}
