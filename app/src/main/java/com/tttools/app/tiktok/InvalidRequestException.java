package com.tttools.app.tiktok;

/** 40002 and any other client-side code: the request itself is wrong. Never retried. */
public final class InvalidRequestException extends TikTokApiException {

    public InvalidRequestException(String path, int code, String requestId, String detail) {
        super(path, code, requestId, detail);
    }
}
