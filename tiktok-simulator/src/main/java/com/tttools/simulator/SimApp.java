package com.tttools.simulator;

import java.net.URI;
import java.util.List;

/**
 * A developer app registered with the simulated TikTok. An empty {@code redirectUris} list accepts any
 * http(s) redirect URI on localhost or 127.0.0.1 (the development app; no other scheme); otherwise the URI must match exactly.
 */
public record SimApp(String appId, String secret, List<String> redirectUris, int qps, List<Integer> scopes) {

    public static final String DEV_APP_ID = "7000000000000000001";
    public static final String DEV_SECRET = "simulator-secret";
    /** Numeric permission scopes (ad account, ads management, audiences, reporting, pixels, catalogs, creatives). */
    public static final List<Integer> ALL_SCOPES = List.of(1, 2, 3, 4, 5, 6, 7);

    public SimApp {
        redirectUris = List.copyOf(redirectUris);
        scopes = List.copyOf(scopes);
    }

    public static SimApp development() {
        return new SimApp(DEV_APP_ID, DEV_SECRET, List.of(), 10, ALL_SCOPES);
    }

    public boolean acceptsRedirect(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        if (!redirectUris.isEmpty()) {
            return redirectUris.contains(uri);
        }
        try {
            URI parsed = URI.create(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = parsed.getHost();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && ("localhost".equals(host) || "127.0.0.1".equals(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
