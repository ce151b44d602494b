package com.tttools.app.tiktok.tokens;

import java.util.Objects;

/** A TikTok-account (tt_user) refresh token. {@link #toString()} never shows it. */
public record RefreshToken(String value) {

    public RefreshToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "RefreshToken[redacted]";
    }
}
