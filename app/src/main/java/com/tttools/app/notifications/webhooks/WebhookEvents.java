package com.tttools.app.notifications.webhooks;

import com.tttools.app.notifications.outbox.DeliveryRepository;
import com.tttools.app.notifications.outbox.DeliveryStatus;
import com.tttools.app.notifications.outbox.NotificationsProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a verified provider event once: remembered by the provider's event id, then the delivery updated. Providers
 * deliver at least once (Resend and Postmark retry until they get a 2xx, Telegram re-sends a webhook update), so the
 * id is what makes a repeat change nothing. Ids are kept for {@code webhook-event-retention} (7 days), well past the
 * providers' redelivery windows, and then purged by {@link #purgeExpired}.
 */
@Component
public class WebhookEvents {

    /** The most ids one purge statement deletes: a backlog (after downtime) drains over a few runs, no long lock. */
    static final int PURGE_BATCH = 5000;

    private final JdbcClient jdbc;
    private final DeliveryRepository deliveries;
    private final NotificationsProperties properties;
    private final Clock clock;

    WebhookEvents(JdbcClient jdbc, DeliveryRepository deliveries, NotificationsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.properties = properties;
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

    /**
     * Deletes the ids received before {@code now} minus the retention, at most {@link #PURGE_BATCH} of them (oldest
     * first, by the {@code received_at} index). Called on every tick of the {@code telegram-updates} task.
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        return jdbc.sql("""
                        DELETE FROM notification_webhook_events WHERE (provider, event_id) IN (
                            SELECT provider, event_id FROM notification_webhook_events
                            WHERE received_at < :cutoff ORDER BY received_at LIMIT :batch)
                        """)
                .param("cutoff", Timestamp.from(now.minus(properties.webhookEventRetention())))
                .param("batch", PURGE_BATCH).update();
    }
}
