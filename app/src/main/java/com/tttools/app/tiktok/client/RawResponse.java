package com.tttools.app.tiktok.client;

/** What came back over HTTP, before any interpretation. */
record RawResponse(int status, String contentType, byte[] body) {

    boolean isJson() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }
}
