package com.tttools.app.platform.events;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Redelivery of cross-module events whose listener failed or whose node stopped before it completed.
 *
 * @param resubmitEvery     how often the cluster looks for incomplete publications (1 minute to 1 hour)
 * @param resubmitOlderThan how old an incomplete publication must be before it is resubmitted: longer than any
 *                          listener runs, so a publication still being processed elsewhere is left alone
 *                          (1 minute to 1 day)
 */
@Validated
@ConfigurationProperties("tttools.events")
public record EventPublicationProperties(
        @DefaultValue("5m") @NotNull Duration resubmitEvery,
        @DefaultValue("15m") @NotNull Duration resubmitOlderThan) {

    public EventPublicationProperties {
        require(resubmitEvery, Duration.ofMinutes(1), Duration.ofHours(1), "resubmit-every");
        require(resubmitOlderThan, Duration.ofMinutes(1), Duration.ofDays(1), "resubmit-older-than");
    }

    private static void require(Duration value, Duration min, Duration max, String name) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException("tttools.events." + name + " must be between " + min + " and " + max);
        }
    }
}
