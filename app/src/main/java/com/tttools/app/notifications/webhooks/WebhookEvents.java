package com.tttools.app.notifications.webhooks;

import com.tttools.app.notifications.outbox.DeliveryRepository;
import com.tttools.app.notifications.outbox.DeliveryStatus;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified provider event once: remembered by the provider's event id, then the delivery updated. Providers
 * deliver at least once (Resend and Postmark retry until they get a 2xx, Telegram re-sends a webhook update), so the
 * id is what makes a repeat change nothing.
 */
@Component
public class WebhookEvents {

    private final JdbcClient jdbc;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    WebhookEvents(JdbcClient jdbc, DeliveryRepository deliveries, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Returns false for an event seen before (a provider's retry), which changes nothing. */
    @Transactional
    boolean apply(String provider, String eventId, String providerMessageId, DeliveryStatus status, String detail) {
        if (!firstSeen(provider, eventId)) {
            return false;
        }
        if (status != null && providerMessageId != null) {
            deliveries.providerStatus(provider, providerMessageId, status, detail, clock.instant());
        }
        return true;
    }

    /** Remembers the event id; false when it was seen before (the caller then does nothing). */
    public boolean firstSeen(String provider, String eventId) {
        return jdbc.sql("""
                INSERT INTO notification_webhook_events (provider, event_id, received_at) VALUES (:p, :e, :now)
                ON CONFLICT DO NOTHING
                """).param("p", provider).param("e", eventId).param("now", Timestamp.from(clock.instant())).update() == 1;
    }
}
