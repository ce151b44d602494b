package com.tttools.app.tiktok;

/** 40100, 40133 or 40016 still answered after the configured rate-limit attempts. */
public final class RateLimitedException extends TikTokApiException {

    public RateLimitedException(String path, int code, String requestId, String detail) {
        super(path, code, requestId, detail);
    }
}
