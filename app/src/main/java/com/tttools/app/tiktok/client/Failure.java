package com.tttools.app.tiktok.client;

import java.time.Duration;

/**
 * Why one attempt did not succeed, before it becomes an exception: TikTok's code (0 when there was no
 * envelope), request id and a detail safe to log.
 */
record Failure(Kind kind, int code, String requestId, String detail, int httpStatus, Duration retryAfter) {

    enum Kind {
        REAUTHORIZE, PERMISSION, INVALID, QUERY_TOO_LARGE, RATE_LIMITED, RETRYABLE, UNEXPECTED_HTTP
    }

    Failure(Kind kind, int code, String requestId, String detail, int httpStatus) {
        this(kind, code, requestId, detail, httpStatus, null);
    }

    static Failure retryable(String detail) {
        return new Failure(Kind.RETRYABLE, 0, null, detail, 0);
    }

    /** Wait at least this long before the next attempt (a gateway's {@code Retry-After}); null = no hint. */
    Failure withRetryAfter(Duration hint) {
        return new Failure(kind, code, requestId, detail, httpStatus, hint);
    }
}
