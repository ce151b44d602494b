package com.tttools.app.notifications;

import com.tttools.app.shared.UserId;
import java.util.List;
import java.util.UUID;

/** One delivery as a channel sends it; {@code deliveryId} doubles as the provider idempotency key. */
public record OutgoingMessage(UUID deliveryId, UserId recipient, String address, String eventType, String subject,
        String textBody, String htmlBody, String link, List<NotificationAction> actions) {
}
