package com.tttools.app.jobs.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retry policy of user-visible jobs: attempt n waits {@code firstRetryDelay × 2^(n-1)} before running again.
 */
@Validated
@ConfigurationProperties("tttools.jobs")
public record JobsProperties(
        @DefaultValue("5") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("10s") @NotNull Duration firstRetryDelay) {
}
