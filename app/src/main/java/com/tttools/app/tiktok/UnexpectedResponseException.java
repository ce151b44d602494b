package com.tttools.app.tiktok;

/**
 * An HTTP answer the API never gives on purpose and that retrying will not fix: a redirect (never followed, so a
 * hostile or misconfigured endpoint cannot point the client at internal addresses) or a 4xx other than 429.
 */
public final class UnexpectedResponseException extends TikTokApiException {

    private final int httpStatus;

    public UnexpectedResponseException(String path, int httpStatus, String detail) {
        super(path, 0, null, "HTTP " + httpStatus + ", " + detail);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
