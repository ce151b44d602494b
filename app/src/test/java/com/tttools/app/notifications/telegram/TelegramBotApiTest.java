package com.tttools.app.notifications.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.support.FakeTelegram;
import com.tttools.app.support.Outbound;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Bot API client against the local fake Bot API server: envelopes, errors, rate limits, and no token in messages. */
class TelegramBotApiTest {

    static final FakeTelegram FAKE = FakeTelegram.shared();

    static TelegramBotApi client(String token) {
        return new TelegramBotApi(RestClient.create(), JsonMapper.builder().build(), new TelegramProperties(token,
                URI.create(FAKE.url()), null, null, false, Duration.ofSeconds(1), Duration.ofMinutes(10)));
    }

    static long chat() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    @Test
    void sendMessageAnswersTheMessageIdAndCarriesTheInlineKeyboard() throws Exception {
        long chat = chat();
        TelegramBotApi.SentMessage sent = client(FakeTelegram.TOKEN).sendMessage(chat, "<b>Spend</b> &amp; more",
                List.of(List.of(new TelegramBotApi.Button("Acknowledge", null, "ack:abc"),
                        new TelegramBotApi.Button("Open", "https://app.example.com/x", null))));

        assertThat(sent.chatId()).isEqualTo(chat);
        assertThat(sent.messageId()).isPositive();
        JsonNode body = FAKE.messagesTo(chat).get(0);
        assertThat(body.path("parse_mode").asString()).isEqualTo("HTML");
        JsonNode row = body.path("reply_markup").path("inline_keyboard").get(0);
        assertThat(row.get(0).path("callback_data").asString()).isEqualTo("ack:abc");
        assertThat(row.get(1).path("url").asString()).isEqualTo("https://app.example.com/x");
        assertThat(row.get(1).has("callback_data")).isFalse();
    }

    /** Spring's RestClient prints the body it writes at DEBUG: a message's text stays out of the log. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theMessageTextIsNotPrintedAtDebug(CapturedOutput output) throws Exception {
        Outbound.atClientDebug(() -> client(FakeTelegram.TOKEN).sendMessage(chat(),
                "Spend of <b>Campaign 1790</b> above the cap", List.of()));
        assertThat(output).as("the client logged at DEBUG").contains("Writing [");
        assertThat(output).doesNotContain("Campaign 1790").doesNotContain(FakeTelegram.TOKEN);
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndIsRetryable() {
        long chat = chat();
        FAKE.rateLimitNext(chat, 7);

        assertThatThrownBy(() -> client(FakeTelegram.TOKEN).sendMessage(chat, "hi", List.of()))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aBlockedBotIsForbiddenAndNotRetryable() {
        long chat = chat();
        FAKE.blockedBy(chat);

        assertThatThrownBy(() -> client(FakeTelegram.TOKEN).sendMessage(chat, "hi", List.of()))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.blocked()).isTrue();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.description()).isEqualTo("Forbidden: bot was blocked by the user");
                });
    }

    @Test
    void aWrongTokenIsUnauthorizedAndNeverAppearsInTheError() {
        String token = "42:wrong-secret-value";
        assertThatThrownBy(() -> client(token).username())
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("wrong-secret-value");
                });
    }

    @Test
    void anUnreachableServerIsRetryableAndDoesNotLeakTheUrl() {
        TelegramBotApi api = new TelegramBotApi(RestClient.create(), JsonMapper.builder().build(), new TelegramProperties(
                FakeTelegram.TOKEN, URI.create("http://127.0.0.1:9"), null, null, false, Duration.ofSeconds(1),
                Duration.ofMinutes(10)));
        assertThatThrownBy(() -> api.sendMessage(1, "hi", List.of()))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isZero();
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(FakeTelegram.TOKEN);
                });
    }

    @Test
    void getMeGivesTheBotsUsername() throws Exception {
        assertThat(client(FakeTelegram.TOKEN).username()).isEqualTo(FakeTelegram.BOT_USERNAME);
    }
}
