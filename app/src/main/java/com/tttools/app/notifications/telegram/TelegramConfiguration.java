package com.tttools.app.notifications.telegram;

import com.tttools.app.platform.outbound.OutboundHttp;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The Bot API client from the shared outbound factory; the read timeout leaves room for a long poll. */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

    @Bean
    TelegramBotApi telegramBotApi(TelegramProperties properties, JsonMapper json, OutboundHttp outbound) {
        RestClient rest = outbound.restClient(Duration.ofSeconds(5), properties.pollTimeout().plusSeconds(15)).build();
        return new TelegramBotApi(rest, json, properties);
    }
}
