package com.tttools.app.tiktok;

/** 40001: the advertiser is not reachable with this token, was deleted, or has not granted this endpoint. Never retried. */
public final class PermissionDeniedException extends TikTokApiException {

    public PermissionDeniedException(String path, int code, String requestId, String detail) {
        super(path, code, requestId, detail);
    }
}
