package com.tttools.app.notifications.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifications outbox.
 *
 * @param maxAttempts      sends tried per delivery before it is marked FAILED
 * @param firstRetryDelay  wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay    longest wait between attempts (a provider's Retry-After is honoured up to this too)
 * @param dedupWindow      a notification with the same dedup key for the same user within this window is dropped
 * @param digestCheck      how often pending digests are looked at
 * @param resendWebhookSecret   {@code RESEND_WEBHOOK_SECRET}: the {@code whsec_...} signing secret of Resend's webhook
 * @param postmarkWebhookUser   {@code POSTMARK_WEBHOOK_USER}: Basic-auth user name Postmark's webhook must send
 * @param postmarkWebhookPassword {@code POSTMARK_WEBHOOK_PASSWORD}: its password
 * @param webhookEventRetention how long a provider's webhook event id is remembered (so a redelivery changes
 *                              nothing); at least 2 days, as Resend retries over about a day and a half
 */
@Validated
@ConfigurationProperties("tttools.notifications")
public record NotificationsProperties(
        @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("30s") @NotNull Duration firstRetryDelay,
        @DefaultValue("1h") @NotNull Duration maxRetryDelay,
        @DefaultValue("24h") @NotNull Duration dedupWindow,
        @DefaultValue("5m") @NotNull Duration digestCheck,
        String resendWebhookSecret,
        String postmarkWebhookUser,
        String postmarkWebhookPassword,
        @DefaultValue("7d") @NotNull @DurationMin(days = 2) Duration webhookEventRetention) {

    /** The wait after {@code attempts} failed attempts: exponential, capped, never shorter than Retry-After. */
    public Duration delayAfter(int attempts, Duration retryAfter) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration backoff = firstRetryDelay.multipliedBy(factor);
        if (backoff.compareTo(maxRetryDelay) > 0) {
            backoff = maxRetryDelay;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            return retryAfter.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : retryAfter;
        }
        return backoff;
    }

    @Override
    public String toString() {
        return "NotificationsProperties[maxAttempts=" + maxAttempts + ", firstRetryDelay=" + firstRetryDelay
                + ", maxRetryDelay=" + maxRetryDelay + ", dedupWindow=" + dedupWindow + ", digestCheck=" + digestCheck
                + ", resendWebhookSecret=" + (resendWebhookSecret == null || resendWebhookSecret.isBlank() ? "" : "(set)")
                + ", postmarkWebhookUser=" + postmarkWebhookUser + ", webhookEventRetention=" + webhookEventRetention
                + "]";
    }
}
