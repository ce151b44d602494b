package com.tttools.app.identity.session;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session lifetimes (ASVS L2: 30 minutes idle, 12 hours at most whatever the activity).
 *
 * @param idleTimeout     ends a session after this long without a request
 * @param absoluteTimeout ends a session this long after sign-in, even while in use
 * @param reauthenticationWindow how long after the password or second factor was last proven in a session
 *                        (sign-in counts) account-security actions are allowed without confirming it again
 */
@Validated
@ConfigurationProperties("tttools.session")
public record SessionProperties(
        @DefaultValue("30m") @NotNull Duration idleTimeout,
        @DefaultValue("12h") @NotNull Duration absoluteTimeout,
        @DefaultValue("10m") @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 1) Duration reauthenticationWindow) {
}
