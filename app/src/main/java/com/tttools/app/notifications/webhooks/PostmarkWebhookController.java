package com.tttools.app.notifications.webhooks;

import com.tttools.app.notifications.outbox.DeliveryStatus;
import com.tttools.app.notifications.outbox.NotificationsProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/postmark}: Postmark's Delivery and Bounce events. Postmark signs nothing, so the webhook
 * URL carries HTTP Basic credentials that must match {@code POSTMARK_WEBHOOK_USER}/{@code _PASSWORD} (401 otherwise,
 * and when none are configured). Events repeat under the same {@code X-PM-Webhook-Trace-Id}.
 */
@Hidden
@RestController
class PostmarkWebhookController {

    private final WebhookEvents events;
    private final NotificationsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    PostmarkWebhookController(WebhookEvents events, NotificationsProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @PostMapping("/webhooks/postmark")
    ResponseEntity<Void> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-PM-Webhook-Trace-Id", required = false) String traceId,
            @RequestBody(required = false) byte[] body) {
        if (!authorized(authorization)) {
            return ResponseEntity.status(401).build();
        }
        JsonNode event;
        try {
            event = json.readTree(body == null ? new byte[0] : body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        String type = event.path("RecordType").asString("");
        if (!event.path("MessageID").isString()) {
            return ResponseEntity.badRequest().build();
        }
        String messageId = event.path("MessageID").asString();
        DeliveryStatus status = switch (type) {
            case "Delivery" -> DeliveryStatus.DELIVERED;
            case "Bounce" -> DeliveryStatus.BOUNCED;
            default -> null;
        };
        String detail = "Bounce".equals(type) ? "Postmark " + event.path("Type").asString("Bounce") : null;
        String eventId = traceId != null && !traceId.isBlank() ? traceId
                : type + ":" + messageId + ":" + event.path("ID").asString("");
        events.apply("postmark", eventId, messageId, status, detail);
        return ResponseEntity.ok().build();
    }

    private boolean authorized(String header) {
        String user = properties.postmarkWebhookUser();
        String password = properties.postmarkWebhookPassword();
        if (user == null || user.isBlank() || password == null || password.isBlank() || header == null
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
