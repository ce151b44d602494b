package com.tttools.app.identity.web;

import java.util.regex.Pattern;

/**
 * Where to go after signing in: only a same-origin relative path ({@code /invitations/abc}), never
 * {@code //evil}, {@code /\evil}, {@code https:evil} or {@code javascript:}; anything else falls back.
 */
final class SafeRedirects {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9/_.~-]{0,500}(\\?[A-Za-z0-9=&_.~%-]{0,500})?");

    private SafeRedirects() {
    }

    static String target(String next, String fallback) {
        if (next == null || next.isBlank() || !SAFE.matcher(next).matches() || next.contains("//")
                || next.contains("/.")) {
            return fallback;
        }
        return next;
    }
}
