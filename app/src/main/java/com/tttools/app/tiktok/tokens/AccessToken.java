package com.tttools.app.tiktok.tokens;

import java.util.Objects;

/** A TikTok access token. {@link #toString()} never shows it; call {@link #value()} only to send or seal it. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
