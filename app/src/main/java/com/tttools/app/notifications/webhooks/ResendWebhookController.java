package com.tttools.app.notifications.webhooks;

import com.tttools.app.notifications.outbox.DeliveryStatus;
import com.tttools.app.notifications.outbox.NotificationsProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/resend}: Resend's delivery events, signed the Svix way over the raw body. A bad or missing
 * signature (or no secret configured) is 401 and nothing is recorded; a repeated {@code svix-id} is acknowledged and
 * ignored.
 */
@Hidden
@RestController
class ResendWebhookController {

    private static final Map<String, DeliveryStatus> STATUSES = Map.of(
            "email.delivered", DeliveryStatus.DELIVERED,
            "email.bounced", DeliveryStatus.BOUNCED,
            "email.suppressed", DeliveryStatus.BOUNCED,
            "email.failed", DeliveryStatus.FAILED);

    private final WebhookEvents events;
    private final NotificationsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    ResendWebhookController(WebhookEvents events, NotificationsProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/webhooks/resend")
    ResponseEntity<Void> receive(@RequestHeader(name = "svix-id", required = false) String id,
            @RequestHeader(name = "svix-timestamp", required = false) String timestamp,
            @RequestHeader(name = "svix-signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!SvixSignature.valid(properties.resendWebhookSecret(), id, timestamp, signature, raw, clock.instant())) {
            return ResponseEntity.status(401).build();
        }
        JsonNode event;
        try {
            event = json.readTree(raw);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        String type = event.path("type").asString("");
        JsonNode data = event.path("data");
        String detail = data.path("bounce").path("message").isString() ? data.path("bounce").path("message").asString()
                : data.path("failed").path("reason").isString() ? data.path("failed").path("reason").asString() : null;
        events.apply("resend", id, data.path("email_id").isString() ? data.path("email_id").asString() : null,
                STATUSES.get(type), detail == null ? null : "Resend " + type + ": " + detail);
        return ResponseEntity.noContent().build();
    }
}
