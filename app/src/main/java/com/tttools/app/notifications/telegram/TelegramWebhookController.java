package com.tttools.app.notifications.telegram;

import com.tttools.app.notifications.webhooks.WebhookEvents;
import com.tttools.app.platform.security.SecurityHeaders;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/telegram}: one Update per request, as Telegram sends it when {@code TELEGRAM_WEBHOOK_URL}
 * is set. The {@code X-Telegram-Bot-Api-Secret-Token} header must equal our secret (compared in constant time);
 * otherwise 401 and the update is not looked at. An update_id seen before is acknowledged and ignored. No session, no CSRF: the secret is the authentication.
 */
@RestController
@Hidden
class TelegramWebhookController {

    static final String PATH = "/webhooks/telegram";
    private final TelegramProperties properties;
    private final TelegramUpdates updates;
    private final JsonMapper json;
    private final WebhookEvents events;

    TelegramWebhookController(TelegramProperties properties, TelegramUpdates updates, JsonMapper json,
            WebhookEvents events) {
        this.properties = properties;
        this.updates = updates;
        this.json = json;
        this.events = events;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> update(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
            @RequestBody(required = false) String body) {
        if (!properties.configured()) {
            return ResponseEntity.notFound().build();
        }
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                properties.effectiveWebhookSecret().getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(401).build();
        }
        JsonNode update;
        try {
            update = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return ResponseEntity.badRequest().build();
        }
        // Telegram re-sends an update it got no 2xx for: its update_id makes the repeat a no-op
        if (update.path("update_id").isIntegralNumber()
                && !events.firstSeen("telegram", Long.toString(update.path("update_id").asLong()))) {
            return ResponseEntity.ok().build();
        }
        updates.handle(update);
        return ResponseEntity.ok().build();
    }

    @Bean
    @Order(3)
    static SecurityFilterChain telegramWebhookChain(HttpSecurity http) throws Exception {
        SecurityHeaders.apply(http);
        http.securityMatcher(PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
