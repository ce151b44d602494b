package com.tttools.app.notifications.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.FakeHttpProvider.Answer;
import com.tttools.app.support.Outbound;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API client as {@code TelegramConfiguration} wires it: an untrusted internal API URL is never contacted
 * (check 39); a redirect is an error and not followed (check 40) — the bot token is in the URL path.
 */
class TelegramOutboundTest {

    static final String OK = "{\"ok\":true,\"result\":{\"username\":\"tttools_bot\"}}";

    FakeHttpProvider api = new FakeHttpProvider(new Answer(200, Map.of(), OK));
    FakeHttpProvider elsewhere = new FakeHttpProvider(new Answer(200, Map.of(), OK));

    @AfterEach
    void close() {
        api.close();
        elsewhere.close();
    }

    TelegramBotApi client(OutboundHttp outbound) {
        TelegramProperties properties = new TelegramProperties("123:secret-bot-token", URI.create(api.baseUrl()), null,
                null, false, Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new TelegramConfiguration().telegramBotApi(properties, JsonMapper.builder().build(), outbound);
    }

    @Test
    void anUntrustedInternalApiUrlIsNeverContacted() throws Exception {
        assertThatThrownBy(() -> client(Outbound.trustingNothing()).username()).isInstanceOf(TelegramApiException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-bot-token"));
        assertThat(api.requests()).isEmpty();

        assertThat(client(Outbound.trustingLoopback()).username()).isEqualTo("tttools_bot");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void aRedirectIsAnErrorAndIsNotFollowed() {
        api.then(new Answer(302, Map.of("Location", elsewhere.baseUrl() + "/bot123:secret-bot-token/getMe"), ""));

        assertThatThrownBy(() -> client(Outbound.trustingLoopback()).username()).isInstanceOf(TelegramApiException.class);
        assertThat(api.requests()).hasSize(1);
        assertThat(elsewhere.requests()).isEmpty();
    }
}
