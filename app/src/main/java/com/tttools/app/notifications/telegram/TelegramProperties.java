package com.tttools.app.notifications.telegram;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram bot. Without a token the channel is off: no sender address, no polling, 404 on the webhook.
 *
 * @param botToken      {@code TELEGRAM_BOT_TOKEN} ({@code <bot id>:<secret>}; it sits in every URL, so URLs are never logged)
 * @param apiUrl        {@code TELEGRAM_API_URL}, the Bot API server (tests point it at a local fake)
 * @param webhookUrl    {@code TELEGRAM_WEBHOOK_URL}: when set, updates arrive by webhook instead of long polling
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}, the secret-token header Telegram sends with each update;
 *                      when empty it is derived from the bot token
 * @param polling       whether the recurring task long-polls {@code getUpdates} (off in tests, which poll by hand)
 * @param pollTimeout   how long one {@code getUpdates} call waits for updates (Telegram caps it at 50 s)
 * @param linkValidity  how long a deep link's one-time code works
 */
@Validated
@ConfigurationProperties("tttools.telegram")
public record TelegramProperties(
        String botToken,
        @NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
        String webhookUrl,
        String webhookSecret,
        @DefaultValue("true") boolean polling,
        @NotNull @DefaultValue("25s") Duration pollTimeout,
        @NotNull @DefaultValue("10m") Duration linkValidity) {

    public boolean configured() {
        return botToken != null && !botToken.isBlank();
    }

    public boolean webhookMode() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    /** The configured secret, or one derived from the token (only the header's alphabet: base64url). */
    public String effectiveWebhookSecret() {
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            return webhookSecret;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("tttools-telegram-webhook:" + botToken).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", polling=" + polling + "]";
    }
}
