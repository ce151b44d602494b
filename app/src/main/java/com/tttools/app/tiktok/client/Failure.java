package com.tttools.app.tiktok.client;

/**
 * Why one attempt did not succeed, before it becomes an exception: TikTok's code (0 when there was no
 * envelope), request id and a detail safe to log.
 */
record Failure(Kind kind, int code, String requestId, String detail, int httpStatus) {

    enum Kind {
        REAUTHORIZE, PERMISSION, INVALID, QUERY_TOO_LARGE, RATE_LIMITED, RETRYABLE, UNEXPECTED_HTTP
    }

    static Failure retryable(String detail) {
        return new Failure(Kind.RETRYABLE, 0, null, detail, 0);
    }
}
