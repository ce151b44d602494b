package com.tttools.app.tiktok;

/**
 * TikTok kept failing in a way that is normally temporary (5xxxx, 60001 maintenance, 402xx, gateway HTTP 429/5xx,
 * malformed bodies, timeouts) until the configured attempts ran out; carries the last failure.
 */
public final class TikTokUnavailableException extends TikTokApiException {

    private final int attempts;

    public TikTokUnavailableException(String path, int code, String requestId, String detail, int attempts) {
        super(path, code, requestId, detail + " (gave up after " + attempts + " attempts)");
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
