package com.tttools.app.notifications.outbox;

import java.util.regex.Pattern;

/**
 * Last line of defence: a notification's text never carries a secret, whatever its author passed. Masks our
 * personal access tokens, Bearer/Basic credentials, JWTs, provider keys, TikTok access and refresh tokens (40
 * hexadecimal characters) and secret-looking query parameters in links.
 */
final class SecretScrubber {

    static final String MASK = "[hidden]";
    private static final Pattern SECRETS = Pattern.compile(String.join("|",
            "ttt_pat_[A-Za-z0-9_-]+",
            "(?i:bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}",
            "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*",
            "\\bre_[A-Za-z0-9_]{8,}",
            "\\bwhsec_[A-Za-z0-9+/=]{8,}",
            "\\b[0-9]{6,12}:[A-Za-z0-9_-]{30,}",          // a Telegram bot token
            "\\b[0-9a-fA-F]{40}\\b"));                     // TikTok access / refresh tokens
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&](?:access_token|refresh_token|token|auth_code|code|secret|password|key)=)[^&#\\s]+");

    private SecretScrubber() {
    }

    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String masked = SECRETS.matcher(text).replaceAll(MASK);
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
