package com.tttools.app.shared.audit;

/** Where an action came from: client IP, user agent and our request id (null fields when not from HTTP). */
public record RequestMetadata(String ip, String userAgent, String requestId) {

    private static final RequestMetadata NONE = new RequestMetadata(null, null, null);

    public static RequestMetadata none() {
        return NONE;
    }
}
