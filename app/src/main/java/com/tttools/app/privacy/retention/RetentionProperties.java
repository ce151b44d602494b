package com.tttools.app.privacy.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the retention purge ({@code tttools.privacy.retention.*}).
 *
 * @param purgeAt   time of day (UTC) of the daily purge
 * @param batchSize the most rows one delete statement removes (at most 5,000)
 */
@Validated
@ConfigurationProperties("tttools.privacy.retention")
public record RetentionProperties(
        @DefaultValue("03:15") @NotNull LocalTime purgeAt,
        @DefaultValue("5000") @Min(1) @Max(5000) int batchSize) {
}
