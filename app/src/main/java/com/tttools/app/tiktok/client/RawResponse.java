package com.tttools.app.tiktok.client;

import java.time.Duration;

/** What came back over HTTP, before any interpretation; {@code retryAfter} is the gateway's hint, if any. */
record RawResponse(int status, String contentType, byte[] body, Duration retryAfter) {

    RawResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, null);
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not used by gateways we know; ignored). */
    static Duration parseRetryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    boolean isJson() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }
}
