package com.tttools.app.notifications.outbox;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.telegram.TelegramLinks;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.FakeTelegram;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The outbox's retry decisions, one attempt at a time, against the fake Bot API: the wait it chooses after each
 * failure (Telegram's {@code retry_after} on a 429, exponential backoff on 5xx), a 4xx that is FAILED at once,
 * and a persistent 5xx that ends FAILED after exactly the configured attempts (one increment of the failed
 * counter, no further call), shows as backlog in the admin's delivery log meanwhile, and is queued again by an
 * admin's manual retry. The deliveries here have no scheduled execution until that retry, so each attempt is the
 * test's own call and the waits are read from what the worker decided, not from a clock.
 */
class DeliveryRetriesIT extends IntegrationTest {

    static final FakeTelegram FAKE = FakeTelegram.shared();

    @Autowired
    DeliveryWorker worker;
    @Autowired
    NotificationsProperties properties;
    @Autowired
    TelegramLinks links;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    record Workspace(Tenants.User admin, String id, long chat) {
    }

    record Row(String status, int attempts, Duration nextWait, String lastError, String providerMessageId) {
    }

    Workspace workspaceWithLinkedAdmin(String prefix) {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User admin = tenants.verifiedUser(prefix);
        String org = tenants.createOrganization(admin, prefix + " org");
        String ws = tenants.createWorkspace(admin, org, prefix + " ws");
        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Instant now = Instant.now();
        UserId user = UserId.of(admin.id());
        assertThat(links.consume(links.newCode(user, now, now.plusSeconds(600)), chat, now)).contains(user);
        return new Workspace(admin, ws, chat);
    }

    /** A queued Telegram delivery of an alert, as the outbox writes it, but with no execution scheduled. */
    UUID queuedTelegramDelivery(Workspace ws) {
        UUID notification = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO notifications (id, user_id, workspace_id, event_type, title, body, created_at)
                VALUES (:id, :user, :ws, 'sync.failed', 'Report sync failed', 'TikTok answered 502', :now)""")
                .param("id", notification).param("user", UUID.fromString(ws.admin().id()))
                .param("ws", UUID.fromString(ws.id())).param("now", now).update();
        jdbc.sql("""
                INSERT INTO notification_deliveries (id, notification_id, user_id, workspace_id, channel, template,
                    status, created_at, updated_at)
                VALUES (:id, :notification, :user, :ws, 'TELEGRAM', 'sync.failed', 'QUEUED', :now, :now)""")
                .param("id", delivery).param("notification", notification)
                .param("user", UUID.fromString(ws.admin().id())).param("ws", UUID.fromString(ws.id()))
                .param("now", now).update();
        return delivery;
    }

    Row row(UUID delivery) {
        return jdbc.sql("""
                SELECT status, attempts, last_error, provider_message_id,
                       CAST(round(EXTRACT(EPOCH FROM next_attempt_at - updated_at) * 1000) AS BIGINT) AS wait_ms
                FROM notification_deliveries WHERE id = :id""")
                .param("id", delivery)
                .query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"),
                        rs.getObject("wait_ms") == null ? null : Duration.ofMillis(rs.getLong("wait_ms")),
                        rs.getString("last_error"), rs.getString("provider_message_id")))
                .single();
    }

    /** One attempt that fails retryably: the wait the worker chose, checked against the row it wrote. */
    Duration retriedAfter(UUID delivery) {
        Instant before = Instant.now();
        DeliveryWorker.RetryLater later = catchThrowableOfType(DeliveryWorker.RetryLater.class, () -> worker.attempt(delivery));
        assertThat(later).as("the attempt asked to be retried").isNotNull();
        Row row = row(delivery);
        assertThat(row.status()).isEqualTo("QUEUED");
        assertThat(later.next()).isAfterOrEqualTo(before.plus(row.nextWait()));
        return row.nextWait();
    }

    double failedCount() {
        var counter = meters.find("tttools.notifications.deliveries").tag("status", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRateLimitWaitsTelegramsRetryAfterAndServerErrorsBackOffExponentially() {
        Workspace ws = workspaceWithLinkedAdmin("retry-waits");
        UUID delivery = queuedTelegramDelivery(ws);
        FAKE.rateLimitNext(ws.chat(), 1);
        FAKE.serverErrorNext(ws.chat(), 2);

        // 429 retry_after 1 s: longer than the first backoff step (200 ms in tests), so Telegram's wait wins
        assertThat(properties.delayAfter(1, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(retriedAfter(delivery)).isEqualTo(Duration.ofSeconds(1));
        assertThat(row(delivery).lastError()).contains("Too Many Requests");
        // 502 twice: the backoff doubles, 400 ms then 800 ms
        assertThat(retriedAfter(delivery)).isEqualTo(Duration.ofMillis(400));
        assertThat(retriedAfter(delivery)).isEqualTo(Duration.ofMillis(800));
        assertThat(row(delivery).lastError()).contains("Bad Gateway");

        worker.attempt(delivery);

        Row sent = row(delivery);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(4);
        assertThat(sent.providerMessageId()).startsWith(ws.chat() + ":");
        assertThat(FAKE.messagesTo(ws.chat())).as("one call per attempt").hasSize(4);
    }

    @Test
    void theWaitIsCappedAndARetryAfterBeyondTheCapWaitsTheCap() {
        // defaults 30 s doubling to 1 h; tests use 200 ms doubling to 2 s
        NotificationsProperties defaults = new NotificationsProperties(8, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofHours(24), Duration.ofMinutes(5), null, null, null, Duration.ofDays(7));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(a -> defaults.delayAfter(a, null)))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
                        Duration.ofHours(1));
        assertThat(defaults.delayAfter(1, Duration.ofSeconds(7))).as("a shorter Retry-After: backoff")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(defaults.delayAfter(2, Duration.ofHours(3))).isEqualTo(Duration.ofHours(1));
        assertThat(properties.delayAfter(5, null)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBlockedBotIsA4xxThatFailsAtOnceWithoutRetries() {
        Workspace ws = workspaceWithLinkedAdmin("retry-403");
        UUID delivery = queuedTelegramDelivery(ws);
        FAKE.blockedBy(ws.chat());

        worker.attempt(delivery);   // no RetryLater: nothing to reschedule

        Row failed = row(delivery);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextWait()).isNull();
        assertThat(failed.lastError()).contains("blocked");
        assertThat(FAKE.messagesTo(ws.chat())).hasSize(1);
    }

    /** Check 50: a persistent 5xx, the alert metric, the admin's backlog and the manual retry. */
    @Test
    void aPersistentServerErrorEndsFailedAfterTheConfiguredAttemptsAndAnAdminsRetryQueuesItAgain() {
        Workspace ws = workspaceWithLinkedAdmin("retry-5xx");
        UUID delivery = queuedTelegramDelivery(ws);
        FAKE.serverErrorNext(ws.chat(), 100);
        String log = "/api/v1/workspaces/" + ws.id() + "/deliveries";

        for (int attempt = 1; attempt < properties.maxAttempts(); attempt++) {
            assertThat(retriedAfter(delivery)).isEqualTo(properties.delayAfter(attempt, null));
        }
        // during the outage the admin sees the backlog, in the API and on the page
        JsonNode during = expect(ws.admin().api().get(log), 200).json();
        assertThat(during.path("backlog").asLong()).isEqualTo(1);
        assertThat(during.path("items").get(0).path("status").asString()).isEqualTo("QUEUED");
        assertThat(during.path("items").get(0).path("canRetry").asBoolean()).isFalse();
        assertThat(expect(ws.admin().api().get("/workspaces/" + ws.id() + "/deliveries"), 200).body())
                .contains("1 waiting");

        double failedBefore = failedCount();
        worker.attempt(delivery);   // the last allowed attempt: FAILED, no RetryLater

        Row failed = row(delivery);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.lastError()).isEqualTo("Telegram: Bad Gateway");
        assertThat(failedCount() - failedBefore).as("one alert-metric increment").isEqualTo(1.0);
        assertThat(FAKE.messagesTo(ws.chat())).hasSize(properties.maxAttempts());
        worker.attempt(delivery);   // a stray execution of a final delivery calls nobody
        assertThat(FAKE.messagesTo(ws.chat())).as("no further call").hasSize(properties.maxAttempts());
        assertThat(failedCount() - failedBefore).isEqualTo(1.0);

        JsonNode after = expect(ws.admin().api().get(log), 200).json();
        assertThat(after.path("backlog").asLong()).isZero();
        assertThat(after.path("items").get(0).path("canRetry").asBoolean()).isTrue();
        assertThat(expect(ws.admin().api().get("/workspaces/" + ws.id() + "/deliveries"), 200).body())
                .contains("Send again");

        // Telegram is back; the admin retries: queued with fresh attempts, and the scheduler sends it
        FAKE.recovered(ws.chat());
        expect(ws.admin().api().post(log + "/" + delivery + "/retry", null), 202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row(delivery).status()));
        assertThat(row(delivery).attempts()).isEqualTo(1);
        assertThat(FAKE.messagesTo(ws.chat())).hasSize(properties.maxAttempts() + 1);

        // only a failed delivery can be retried; another workspace's id is not found
        assertThat(ws.admin().api().post(log + "/" + delivery + "/retry", null).status()).isEqualTo(409);
        assertThat(ws.admin().api().post(log + "/" + UUID.randomUUID() + "/retry", null).status()).isEqualTo(404);
    }
}
