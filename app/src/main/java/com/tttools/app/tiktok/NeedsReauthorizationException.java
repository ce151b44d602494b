package com.tttools.app.tiktok;

/** The token is missing, revoked or the auth code is invalid (40104, 40105, 40110): the connection must be authorised again. Never retried. */
public final class NeedsReauthorizationException extends TikTokApiException {

    public NeedsReauthorizationException(String path, int code, String requestId, String detail) {
        super(path, code, requestId, detail);
    }
}
