package com.tttools.app.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security headers every answer must carry (docs/security-tests.md, check 21), whatever its status: a CSP with
 * {@code object-src}, {@code base-uri} and {@code frame-ancestors} {@code 'none'}, nosniff, a strict Referrer-Policy,
 * frame DENY, and {@code no-store} on signed-in answers other than static files.
 */
public final class HeaderChecks {

    private HeaderChecks() {
    }

    /** Counts the answer's status in {@code statuses} and adds each missing header to {@code misses}. */
    public static void check(String what, ApiClient.Response response, boolean authenticated, boolean staticFile,
            Map<Integer, Integer> statuses, List<String> misses) {
        statuses.merge(response.status(), 1, Integer::sum);
        String label = what + " (" + response.status() + ")";
        String csp = response.header("Content-Security-Policy").orElse("");
        for (String directive : List.of("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")) {
            if (!csp.contains(directive)) {
                misses.add(label + ": CSP without " + directive);
            }
        }
        if (!response.header("X-Content-Type-Options").orElse("").equals("nosniff")) {
            misses.add(label + ": no nosniff");
        }
        if (!Set.of("strict-origin-when-cross-origin", "no-referrer", "same-origin", "strict-origin")
                .contains(response.header("Referrer-Policy").orElse(""))) {
            misses.add(label + ": Referrer-Policy " + response.header("Referrer-Policy").orElse("missing"));
        }
        if (!response.header("X-Frame-Options").orElse("").equals("DENY")) {
            misses.add(label + ": no X-Frame-Options DENY");
        }
        if (authenticated && !staticFile && !response.header("Cache-Control").orElse("").contains("no-store")) {
            misses.add(label + ": Cache-Control " + response.header("Cache-Control").orElse("missing"));
        }
    }
}
