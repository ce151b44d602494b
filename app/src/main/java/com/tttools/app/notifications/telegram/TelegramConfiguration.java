package com.tttools.app.notifications.telegram;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The Bot API client on the JDK HttpClient; the read timeout leaves room for a long poll. */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

    @Bean
    TelegramBotApi telegramBotApi(TelegramProperties properties, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.pollTimeout().plusSeconds(15));
        return new TelegramBotApi(RestClient.builder().requestFactory(factory).build(), json, properties);
    }
}
