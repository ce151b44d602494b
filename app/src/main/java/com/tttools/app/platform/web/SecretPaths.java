package com.tttools.app.platform.web;

import java.util.regex.Pattern;

/**
 * Request paths as log lines and problem bodies print them: the one secret a path carries, an invitation link's
 * token ({@code /invitations/{token}}, {@code /api/v1/invitations/{token}/accept}), masked. An organization's
 * invitation ids ({@code /organizations/{orgId}/invitations/{id}}) are not secrets and stay.
 */
public final class SecretPaths {

    static final String MASK = "***";
    /**
     * An invitation link wherever a text shows one: a path of its own (at the start, after a space, a quote, a
     * bracket, a comma or an equals sign) or behind a scheme and host; not the tail of a longer path such as an
     * organization's invitation ids.
     */
    private static final Pattern INVITATION_TOKEN = Pattern.compile(
            "((?:^|[\\s\"'=(\\[,]|//[^/\\s\"']*)(?:/api/v1)?/invitations/)[^/?#;\\s\"'),\\]]+");
    /** The same link as a query value ({@code /login?next=/invitations/...}), encoded or not. */
    private static final Pattern INVITATION_TOKEN_IN_QUERY = Pattern.compile(
            "(?i)((?:^|&)[^=&]*=(?:/|%2F)(?:api(?:/|%2F)v1(?:/|%2F))?invitations(?:/|%2F))[^&/%]+");

    private SecretPaths() {
    }

    /** The path with an invitation token masked; null stays null. */
    public static String mask(String path) {
        return maskIn(path);
    }

    /** A text (a log line) with the token of every invitation link in it masked; null stays null. */
    static String maskIn(String text) {
        return text == null || !text.contains("/invitations/") ? text
                : INVITATION_TOKEN.matcher(text).replaceAll("$1" + MASK);
    }

    /** A query string with the invitation links in its values masked. */
    static String maskQuery(String query) {
        return INVITATION_TOKEN_IN_QUERY.matcher(query).replaceAll("$1" + MASK);
    }
}
