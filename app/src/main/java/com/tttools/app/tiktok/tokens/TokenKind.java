package com.tttools.app.tiktok.tokens;

/** Which token of a connection a stored value is; part of the encryption's associated data. */
public enum TokenKind {
    ACCESS("tiktok.access_token"),
    REFRESH("tiktok.refresh_token");

    private final String purpose;

    TokenKind(String purpose) {
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }
}
