package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.outbox.NotificationsProperties;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.GatedMailbox;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end: transactional mail and notifications are rows written with their cause and sent by the
 * delivery task through the e-mail channel (here SMTP's stand-in, the dev mailbox behind a gate that can fail like
 * an unreachable server). A mail outage never fails the request; attempts back off and end FAILED.
 */
class OutboxIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    Notifications notifications;
    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    NotificationsProperties properties;

    GatedMailbox gate;

    @BeforeEach
    void gate() {
        gate = (GatedMailbox) mailer;
    }

    @AfterEach
    void serverBack() {
        gate.failing(false);
        gate.open();
    }

    record Row(String status, int attempts, String lastError, String provider) {
    }

    Row delivery(String address, String template) {
        return jdbc.sql("""
                SELECT status, attempts, last_error, provider FROM notification_deliveries
                WHERE address = :address AND template = :template ORDER BY created_at DESC LIMIT 1
                """).param("address", address).param("template", template)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional().orElse(null);
    }

    @Test
    void signUpWithTheSmtpServerDownAnswers201AndTheMailIsSentWhenTheServerReturns() {
        String email = Users.uniqueEmail("smtp-down");
        gate.failing(true);

        ApiClient.Response answer = new ApiClient(port).post("/api/v1/auth/signup", Users.signup(email));

        assertThat(answer.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Row row = delivery(email, "verify-email");
            return row != null && row.attempts() >= 1;
        });
        Row failing = delivery(email, "verify-email");
        assertThat(failing.status()).isEqualTo("QUEUED");
        assertThat(failing.lastError()).contains("SMTP server unavailable").doesNotContain(email);
        assertThat(sentTo(email)).isZero();

        gate.failing(false);
        MailMessage mail = Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email");
        assertThat(Mailbox.tokenIn(mail)).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(delivery(email, "verify-email").status()));
        assertThat(delivery(email, "verify-email").provider()).isEqualTo("smtp");
    }

    @Test
    void attemptsBackOffExponentiallyAndEndFailedAfterTheLastOne() {
        String email = Users.uniqueEmail("always-down");
        gate.failing(true);
        transactions.executeWithoutResult(s -> outbox.queue("verify-email",
                new MailMessage(email, "Confirm your TTtools email address", "text", "<p>html</p>"), null));

        Map<Integer, Duration> waits = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            jdbc.sql("""
                    SELECT attempts, CAST(round(EXTRACT(EPOCH FROM next_attempt_at - updated_at) * 1000) AS BIGINT)
                    FROM notification_deliveries
                    WHERE address = :address AND status = 'QUEUED' AND next_attempt_at IS NOT NULL
                    """).param("address", email)
                    .query((rs, n) -> Map.entry(rs.getInt(1), Duration.ofMillis(rs.getLong(2))))
                    .optional().ifPresent(e -> waits.put(e.getKey(), e.getValue()));
            return "FAILED".equals(delivery(email, "verify-email").status());
        });

        Row failed = delivery(email, "verify-email");
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.lastError()).contains("SMTP server unavailable");
        assertThat(waits).as("waits seen between attempts").hasSizeGreaterThanOrEqualTo(2);
        waits.forEach((attempts, wait) -> assertThat(wait).as("wait after attempt " + attempts)
                .isEqualTo(properties.delayAfter(attempts, null)));
        assertThat(properties.delayAfter(2, null)).isEqualTo(properties.delayAfter(1, null).multipliedBy(2));
        assertThat(sentTo(email)).isZero();
        // the sealed body (it held a link) is gone once the delivery is final
        assertThat(jdbc.sql("SELECT content IS NULL FROM notification_deliveries WHERE address = :a")
                .param("a", email).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aNotificationIsShownInAppAndMailedToTheVerifiedAddressWithoutAnySecret() {
        String email = Users.uniqueEmail("notified");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UserId user = UserId.of(client.get("/api/v1/me").json().path("id").asString());
        String tiktokToken = "a".repeat(20) + "0123456789abcdef0123";

        notifications.notify(new NotificationRequest("connection.needs-reauth", user, null,
                "Reconnect TikTok", "The token " + tiktokToken + " and ttt_pat_secretvalue123 were refused.",
                "/connections?access_token=" + tiktokToken, "reauth-1", List.of(), null));
        notifications.notify(new NotificationRequest("connection.needs-reauth", user, null,
                "Reconnect TikTok", "Again", "/connections", "reauth-1", List.of(), null));

        MailMessage mail = Mailbox.latestTo((DevMailbox) mailer, email, "Reconnect TikTok");
        assertThat(mail.text()).contains("were refused").doesNotContain(tiktokToken).doesNotContain("ttt_pat_secret");
        assertThat(mail.html()).doesNotContain(tiktokToken);
        List<Map<String, Object>> stored = jdbc.sql("SELECT title, body, link FROM notifications WHERE user_id = :u")
                .param("u", user.value()).query().listOfRows();
        assertThat(stored).as("the same dedup key within the window: one notification").hasSize(1);
        assertThat(stored.get(0).toString()).doesNotContain(tiktokToken).doesNotContain("ttt_pat_secret");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND notification_id IS NOT NULL")
                .param("u", user.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void explicitChannelsOverridePreferencesAndAnInAppOnlyNotificationSendsNoMail() {
        String email = Users.uniqueEmail("in-app-only");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UserId user = UserId.of(client.get("/api/v1/me").json().path("id").asString());

        notifications.notify(new NotificationRequest("sync.failed", user, null, "Sync failed " + UUID.randomUUID(),
                "Try again later", null, null, List.of(), Set.of(Channel.IN_APP)));

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u").param("u", user.value())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND notification_id IS NOT NULL")
                .param("u", user.value()).query(Long.class).single()).isZero();
    }

    /** An event about someone whose account is gone by the time its listener runs stores and sends nothing. */
    @Test
    void aNotificationForAnAccountThatNoLongerExistsIsDroppedWithoutAnError() {
        UserId gone = UserId.of(UUID.randomUUID().toString());

        notifications.notify(new NotificationRequest("sync.failed", gone, null, "Sync failed", "Try again later",
                null, null, List.of(), null));

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u").param("u", gone.value())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u").param("u", gone.value())
                .query(Long.class).single()).isZero();
    }

    private long sentTo(String email) {
        return ((DevMailbox) mailer).messages().stream().filter(d -> d.message().to().equalsIgnoreCase(email)).count();
    }
}
