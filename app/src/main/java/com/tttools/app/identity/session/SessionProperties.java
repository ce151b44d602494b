package com.tttools.app.identity.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session lifetimes (ASVS L2: 30 minutes idle, 12 hours at most whatever the activity).
 *
 * @param idleTimeout     ends a session after this long without a request
 * @param absoluteTimeout ends a session this long after sign-in, even while in use
 */
@Validated
@ConfigurationProperties("tttools.session")
public record SessionProperties(
        @DefaultValue("30m") @NotNull Duration idleTimeout,
        @DefaultValue("12h") @NotNull Duration absoluteTimeout) {
}
