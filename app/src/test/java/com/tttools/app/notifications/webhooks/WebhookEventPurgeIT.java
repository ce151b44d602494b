package com.tttools.app.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.outbox.NotificationsProperties;
import com.tttools.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Provider webhook event ids are forgotten once older than the retention (7 days by default): the running
 * {@code telegram-updates} task deletes them, keeps the recent ones, and a recent id is still refused as a repeat.
 */
class WebhookEventPurgeIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookEvents events;
    @Autowired
    NotificationsProperties properties;

    @Test
    void theRetentionDefaultsToSevenDays() {
        assertThat(properties.webhookEventRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theRunningTaskDeletesIdsOlderThanTheWindowAndKeepsRecentOnesWhichStayDuplicates() {
        Instant now = Instant.now();
        String old = event("resend", now.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(5)));
        String older = event("postmark", now.minus(Duration.ofDays(30)));
        String recent = event("resend", now.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        String fresh = event("telegram", now.minus(Duration.ofMinutes(1)));

        // no direct call: the scheduler's telegram-updates tick (every second, one node) does the purge
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(stored("resend", old)).isFalse();
            assertThat(stored("postmark", older)).isFalse();
        });
        assertThat(stored("resend", recent)).isTrue();
        assertThat(stored("telegram", fresh)).isTrue();

        // within the window a redelivery is still refused; a purged id is new again
        assertThat(events.firstSeen("resend", recent)).isFalse();
        assertThat(events.firstSeen("telegram", fresh)).isFalse();
        assertThat(events.firstSeen("resend", old)).isTrue();
    }

    @Test
    void thePurgeCutsAtTheRetentionAndARerunDeletesNothing() {
        Instant now = Instant.now();
        Instant later = now.plus(Duration.ofDays(3));   // a moved clock: cutoff = now - 4 days
        String past = event("postmark", now.minus(Duration.ofDays(4)).minus(Duration.ofMinutes(1)));
        String kept = event("postmark", now.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(1)));

        assertThat(events.purgeExpired(later)).isGreaterThanOrEqualTo(1);

        assertThat(stored("postmark", past)).isFalse();
        assertThat(stored("postmark", kept)).isTrue();
        assertThat(events.firstSeen("postmark", kept)).isFalse();
        assertThat(events.purgeExpired(later)).isZero();
    }

    @Test
    void thePurgeHasAnIndexOnReceivedAt() {
        assertThat(jdbc.sql("""
                        SELECT indexdef FROM pg_indexes WHERE tablename = 'notification_webhook_events'
                        AND indexname = 'notification_webhook_events_received'""")
                .query(String.class).single()).endsWith("(received_at)");
    }

    private String event(String provider, Instant receivedAt) {
        String id = "purge-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO notification_webhook_events (provider, event_id, received_at) VALUES (:p, :e, :at)")
                .param("p", provider).param("e", id).param("at", Timestamp.from(receivedAt)).update();
        return id;
    }

    private boolean stored(String provider, String id) {
        return jdbc.sql("SELECT count(*) FROM notification_webhook_events WHERE provider = :p AND event_id = :e")
                .param("p", provider).param("e", id).query(Long.class).single() == 1;
    }
}
