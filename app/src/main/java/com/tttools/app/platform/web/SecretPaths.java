package com.tttools.app.platform.web;

import java.util.regex.Pattern;

/**
 * Request paths as our log lines and problem bodies print them: the one secret a path carries, an invitation
 * link's token ({@code /invitations/{token}}, {@code /api/v1/invitations/{token}/accept}), masked. An
 * organization's invitation ids ({@code /organizations/{orgId}/invitations/{id}}) are not secrets and stay.
 */
public final class SecretPaths {

    static final String MASK = "***";
    private static final Pattern INVITATION_TOKEN = Pattern.compile("^((?:/api/v1)?/invitations/)[^/?#;]+");
    /** The same link as a query value ({@code /login?next=/invitations/...}), encoded or not. */
    private static final Pattern INVITATION_TOKEN_IN_QUERY = Pattern.compile(
            "(?i)((?:^|&)[^=&]*=(?:/|%2F)(?:api(?:/|%2F)v1(?:/|%2F))?invitations(?:/|%2F))[^&/%]+");

    private SecretPaths() {
    }

    /** The path with an invitation token masked; null stays null. */
    public static String mask(String path) {
        return path == null ? null : INVITATION_TOKEN.matcher(path).replaceFirst("$1" + MASK);
    }

    /** A query string with the invitation links in its values masked. */
    static String maskQuery(String query) {
        return INVITATION_TOKEN_IN_QUERY.matcher(query).replaceAll("$1" + MASK);
    }
}
