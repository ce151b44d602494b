package com.tttools.app.privacy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tttools.privacy}: how long a finished export can be downloaded (1 hour to 7 days) and how long a deleted
 * account can be restored by signing in (1 to 30 days).
 */
@Validated
@ConfigurationProperties("tttools.privacy")
public record PrivacyProperties(
        @DefaultValue("24h") @NotNull Duration exportLifetime,
        @DefaultValue("14d") @NotNull Duration deletionGracePeriod) {

    public PrivacyProperties {
        if (exportLifetime.compareTo(Duration.ofHours(1)) < 0 || exportLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("tttools.privacy.export-lifetime must be between 1h and 7d");
        }
        if (deletionGracePeriod.compareTo(Duration.ofDays(1)) < 0
                || deletionGracePeriod.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("tttools.privacy.deletion-grace-period must be between 1d and 30d");
        }
    }
}
