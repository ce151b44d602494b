package com.tttools.app.platform.security;

import com.tttools.app.platform.config.PlatformProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Lets a scraper read {@code /actuator/prometheus} (and other non-probe endpoints) with
 * {@code Authorization: Bearer $TTTOOLS_METRICS_TOKEN}. Without a configured token nothing but the probes is
 * reachable. Compared in constant time.
 */
@Component
class MetricsTokenAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] expected;

    MetricsTokenAuthorization(PlatformProperties properties) {
        String token = properties.metricsToken();
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String header = context.getRequest().getHeader("Authorization");
        boolean granted = expected != null && header != null
                && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
        return new AuthorizationDecision(granted);
    }
}
