package com.tttools.app.notifications.webhooks;

import com.tttools.app.notifications.outbox.DeliveryRepository;
import com.tttools.app.notifications.outbox.DeliveryStatus;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies a verified provider event once: remembered by the provider's event id, then the delivery updated. */
@Component
class WebhookEvents {

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
        int fresh = jdbc.sql("""
                INSERT INTO notification_webhook_events (provider, event_id, received_at) VALUES (:p, :e, :now)
                ON CONFLICT DO NOTHING
                """).param("p", provider).param("e", eventId).param("now", Timestamp.from(clock.instant())).update();
        if (fresh == 0) {
            return false;
        }
        if (status != null && providerMessageId != null) {
            deliveries.providerStatus(provider, providerMessageId, status, detail, clock.instant());
        }
        return true;
    }
}
