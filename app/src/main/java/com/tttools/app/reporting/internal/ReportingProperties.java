package com.tttools.app.reporting.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param backfillDays       days pulled the first time an advertiser is synced (up to two years)
 * @param restatementDays    the last days pulled again on every run, because TikTok keeps revising them
 * @param windowDays         days per report call (TikTok allows 30 with {@code stat_time_day}); halved on 40067
 * @param syncOnConnect      start the backfill as soon as a connection is made
 * @param staleAfter         {@code TTTOOLS_REPORTING_STALE_AFTER}: a workspace whose report sync has not succeeded for
 *                           this long is told that its data is stale (once per stale stretch)
 */
@Validated
@ConfigurationProperties("tttools.reporting")
public record ReportingProperties(
        @DefaultValue("90") @Min(1) @Max(730) int backfillDays,
        @DefaultValue("7") @Min(0) @Max(28) int restatementDays,
        @DefaultValue("30") @Min(1) @Max(30) int windowDays,
        @DefaultValue("true") boolean syncOnConnect,
        @DefaultValue("24h") @jakarta.validation.constraints.NotNull java.time.Duration staleAfter) {
}
