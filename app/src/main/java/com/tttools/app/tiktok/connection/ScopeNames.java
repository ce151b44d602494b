package com.tttools.app.tiktok.connection;

import java.util.Map;

/**
 * Names of TikTok's numeric permission scopes where we know them. TikTok publishes the mapping only in its
 * developer portal (unverified, see the API reference 3.3); these follow the simulator's numbering. An unknown id
 * is shown by number.
 */
final class ScopeNames {

    private static final Map<Long, String> KNOWN = Map.of(
            1L, "Ad Account Management",
            2L, "Ads Management",
            3L, "Audience Management",
            4L, "Reporting",
            5L, "Pixel Management",
            6L, "Catalog Management",
            7L, "Creative Management");

    private ScopeNames() {
    }

    static String name(long id) {
        return KNOWN.getOrDefault(id, "Scope " + id);
    }
}
