package com.tttools.app.tiktok.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the TikTok Marketing API client ({@code tttools.tiktok}).
 *
 * @param appId      {@code TIKTOK_APP_ID}; with the secret unset too (and not in {@code prod}) the embedded
 *                   simulator is used instead of TikTok
 * @param appSecret  {@code TIKTOK_APP_SECRET}
 * @param apiBaseUrl {@code TIKTOK_API_BASE_URL}: host of {@code /open_api/v1.3/...}
 * @param authUrl    {@code TIKTOK_AUTH_URL}: the advertiser authorization page
 */
@Validated
@ConfigurationProperties("tttools.tiktok")
public record TikTokProperties(
        String appId,
        String appSecret,
        @NotNull URI apiBaseUrl,
        @NotNull URI authUrl,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Timeouts timeouts,
        @Valid @NotNull Retry retry) {

    /**
     * @param appQps            calls per second for the whole TikTok app, shared by all callers and nodes
     * @param advertiserPathQps calls per second per advertiser and API path
     * @param backgroundReserve tokens a background call must leave in the app bucket, kept for interactive work
     * @param redisUrl          {@code REDIS_URL}: when set, buckets live in Redis and are shared across nodes
     * @param redisTimeout      longest wait for Redis before a call proceeds on the node-local bucket
     * @param redisKeyPrefix    {@code TTTOOLS_REDIS_KEY_PREFIX}: starts every key this installation writes to Redis,
     *                          so several installations (or test runs) can share one Redis without sharing buckets
     */
    public record RateLimit(
            @Positive int appQps,
            @Positive int advertiserPathQps,
            @PositiveOrZero int backgroundReserve,
            String redisUrl,
            @NotNull Duration redisTimeout,
            @NotBlank String redisKeyPrefix) {

        public boolean redisConfigured() {
            return redisUrl != null && !redisUrl.isBlank();
        }

        @Override
        public String toString() {
            return "RateLimit[appQps=" + appQps + ", advertiserPathQps=" + advertiserPathQps + ", backgroundReserve="
                    + backgroundReserve + ", redis=" + (redisConfigured() ? "<set>" : "<unset>") + ", redisKeyPrefix="
                    + redisKeyPrefix + "]";
        }
    }

    /** @param read longest wait for a response once connected, per call (the JDK default is forever) */
    public record Timeouts(@NotNull Duration connect, @NotNull Duration read) {
    }

    /**
     * @param maxAttempts          attempts per call for retryable failures (5xxxx, 402xx, 60001, gateway 429/5xx,
     *                             malformed bodies, I/O), including the first
     * @param initialBackoff       backoff ceiling before the second attempt; doubles per attempt
     * @param maxBackoff           cap of the backoff ceiling
     * @param jitter               share of the ceiling that is randomised: 1.0 = full jitter (a uniform wait in
     *                             [0, ceiling]), 0 = none
     * @param rateLimitMaxAttempts attempts per call when TikTok answers a rate-limit code (40100/40133/40016)
     */
    public record Retry(
            @Min(1) int maxAttempts,
            @NotNull Duration initialBackoff,
            @NotNull Duration maxBackoff,
            @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @Min(1) int rateLimitMaxAttempts) {
    }

    /** No credentials at all: talk to the embedded simulator (never in {@code prod}, see TikTokConfiguration). */
    public boolean simulatorMode() {
        return isBlank(appId) && isBlank(appSecret);
    }

    @AssertTrue(message = "set both TIKTOK_APP_ID and TIKTOK_APP_SECRET, or neither (simulator)")
    public boolean isCredentialsComplete() {
        return isBlank(appId) == isBlank(appSecret);
    }

    @Override
    public String toString() {
        return "TikTokProperties[appId=" + appId + ", appSecret=" + (isBlank(appSecret) ? "<unset>" : "<set>")
                + ", apiBaseUrl=" + apiBaseUrl + ", authUrl=" + authUrl + ", rateLimit=" + rateLimit
                + ", timeouts=" + timeouts + ", retry=" + retry + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
