package com.tttools.app.tiktok;

/**
 * A TikTok call that did not succeed. Messages name the API path, TikTok's code and request id, never the
 * access token, the query string (it can carry the app secret) or a request body.
 */
public abstract sealed class TikTokApiException extends RuntimeException
        permits NeedsReauthorizationException, PermissionDeniedException, InvalidRequestException,
        QueryTooLargeException, RateLimitedException, TikTokUnavailableException, UnexpectedResponseException {

    /** {@code code} when TikTok answered an envelope; 0 when it did not (gateway, I/O, malformed body). */
    private final int code;
    private final String requestId;
    private final String path;

    protected TikTokApiException(String path, int code, String requestId, String detail) {
        super("TikTok " + path + ": " + (code == 0 ? "" : "code " + code + ", ")
                + (requestId == null ? "" : "request_id " + requestId + ", ") + detail);
        this.path = path;
        this.code = code;
        this.requestId = requestId;
    }

    public int code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    public String path() {
        return path;
    }
}
