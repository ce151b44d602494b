package com.tttools.app.tiktok;

/** 40067: the report query is too large; the caller splits the date window and asks again. */
public final class QueryTooLargeException extends TikTokApiException {

    public QueryTooLargeException(String path, int code, String requestId, String detail) {
        super(path, code, requestId, detail);
    }
}
