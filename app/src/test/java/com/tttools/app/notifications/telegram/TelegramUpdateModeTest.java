package com.tttools.app.notifications.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.FakeTelegram;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * How updates reach the app, chosen at start-up against the local fake Bot API: with {@code TELEGRAM_WEBHOOK_URL}
 * set, {@code setWebhook} registers that URL with the secret Telegram must send back in
 * {@code X-Telegram-Bot-Api-Secret-Token}; without it, {@code deleteWebhook} makes long polling possible.
 */
class TelegramUpdateModeTest {

    static final FakeTelegram FAKE = FakeTelegram.shared();

    static TelegramProperties properties(String webhookUrl, String secret) {
        return new TelegramProperties(FakeTelegram.TOKEN, URI.create(FAKE.url()), webhookUrl, secret, true,
                Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    static void start(TelegramProperties properties) {
        TelegramBotApi bot = new TelegramBotApi(RestClient.create(), JsonMapper.builder().build(), properties);
        new TelegramPolling(properties, bot, null, null).chooseUpdateMode();
    }

    @Test
    void aWebhookUrlRegistersTheWebhookWithTheConfiguredSecretToken() {
        String url = "https://tttools.example.com/webhooks/telegram?run=" + UUID.randomUUID();
        TelegramProperties properties = properties(url, "configured-secret_123");
        assertThat(properties.webhookMode()).isTrue();

        start(properties);

        assertThat(FAKE.calls("setwebhook")).filteredOn(c -> c.body().path("url").asString().equals(url))
                .singleElement().satisfies(c ->
                        assertThat(c.body().path("secret_token").asString()).isEqualTo("configured-secret_123"));
    }

    @Test
    void withoutAConfiguredSecretOneDerivedFromTheTokenIsSentAndIsWhatTheWebhookChecks() {
        String url = "https://tttools.example.com/webhooks/telegram?run=" + UUID.randomUUID();
        TelegramProperties properties = properties(url, null);

        start(properties);

        String sent = FAKE.calls("setwebhook").stream().filter(c -> c.body().path("url").asString().equals(url))
                .findFirst().orElseThrow().body().path("secret_token").asString();
        // Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -
        assertThat(sent).matches("[A-Za-z0-9_-]{1,256}").isEqualTo(properties.effectiveWebhookSecret())
                .doesNotContain(FakeTelegram.TOKEN.substring(FakeTelegram.TOKEN.indexOf(':') + 1));
    }

    @Test
    void withoutAWebhookUrlTheWebhookIsDeletedSoLongPollingWorks() {
        TelegramProperties properties = properties(null, null);
        assertThat(properties.webhookMode()).isFalse();
        int before = FAKE.calls("deletewebhook").size();
        int webhooksBefore = FAKE.calls("setwebhook").size();

        start(properties);

        assertThat(FAKE.calls("deletewebhook")).hasSize(before + 1);
        assertThat(FAKE.calls("setwebhook")).hasSize(webhooksBefore);
    }
}
