package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.notifications.outbox.DigestTask;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** In-app notifications and preferences through the API, the bell fragment, and digests. */
class NotificationsApiIT extends IntegrationTest {

    @Autowired
    Notifications notifications;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DigestTask digests;

    record Account(ApiClient client, UserId id, String email) {
    }

    Account verified(String prefix) {
        String email = Users.uniqueEmail(prefix);
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        return new Account(client, UserId.of(client.get("/api/v1/me").json().path("id").asString()), email);
    }

    void notifyOf(UserId user, String type, String title) {
        notifications.notify(new NotificationRequest(type, user, null, title, "Details of " + title,
                "/account", null, List.of(), null));
    }

    @Test
    void usersSeeTheirOwnNotificationsUnreadCountAndMarkThemRead() {
        Account ada = verified("bell-ada");
        Account bob = verified("bell-bob");
        notifyOf(ada.id(), "sync.failed", "Sync failed for Shop");
        notifyOf(ada.id(), "connection.needs-reauth", "Reconnect TikTok");
        notifyOf(bob.id(), "sync.failed", "Bob's sync failed");

        JsonNode page = ada.client().get("/api/v1/me/notifications").json();
        assertThat(page.path("unreadCount").asInt()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("items").get(0).path("title").asString()).isEqualTo("Reconnect TikTok");
        assertThat(page.path("items").get(0).path("type").asString()).isEqualTo("connection.needs-reauth");
        String id = page.path("items").get(0).path("id").asString();
        String bobsId = bob.client().get("/api/v1/me/notifications").json().path("items").get(0).path("id").asString();

        assertThat(ada.client().post("/api/v1/me/notifications/" + bobsId + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(ada.client().post("/api/v1/me/notifications/not-a-uuid/read", Map.of()).status()).isEqualTo(404);
        assertThat(ada.client().post("/api/v1/me/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);

        JsonNode after = ada.client().get("/api/v1/me/notifications?unread=true").json();
        assertThat(after.path("unreadCount").asInt()).isEqualTo(1);
        assertThat(after.path("items")).hasSize(1);
        assertThat(bob.client().get("/api/v1/me/notifications").json().path("unreadCount").asInt()).isEqualTo(1);

        JsonNode paged = ada.client().get("/api/v1/me/notifications?limit=1").json();
        assertThat(paged.path("items")).hasSize(1);
        JsonNode second = ada.client().get("/api/v1/me/notifications?limit=1&cursor=" + paged.path("nextCursor").asString()).json();
        assertThat(second.path("items").get(0).path("title").asString()).isEqualTo("Sync failed for Shop");
        assertThat(ada.client().get("/api/v1/me/notifications?cursor=garbage").status()).isEqualTo(422);

        ApiClient.Response bell = ada.client().get("/account/notifications/bell");
        assertThat(bell.status()).isEqualTo(200);
        assertThat(bell.body()).contains("Sync failed for Shop").contains("1 unread").doesNotContain("Bob's sync failed");
        // the bell is drawn (an emoji shows as an empty box where no emoji font is installed), named by its summary
        assertThat(bell.body()).contains("aria-label=\"Notifications, 1 unread\"")
                .containsPattern("<svg class=\"icon\"[^>]*aria-hidden=\"true\"").doesNotContain("\uD83D\uDD14");
    }

    @Test
    void preferencesDecideTheChannelsAndBadValuesAre422() {
        Account ada = verified("prefs-ada");
        JsonNode defaults = ada.client().get("/api/v1/me/notification-preferences").json();
        assertThat(defaults.path("items").get(0).path("channels").toString()).contains("EMAIL").contains("IN_APP");

        ApiClient.Response bad = ada.client().put("/api/v1/me/notification-preferences", Map.of("items", List.of(
                Map.of("eventType", "sync.failed", "channels", List.of("SMS"), "digest", "WEEKLY"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("items[0].channels").contains("items[0].digest");

        ApiClient.Response saved = ada.client().put("/api/v1/me/notification-preferences", Map.of("items", List.of(
                Map.of("eventType", "sync.failed", "channels", List.of("IN_APP"), "digest", "NONE"))));
        assertThat(saved.status()).isEqualTo(200);
        notifyOf(ada.id(), "sync.failed", "Quiet sync failure");

        assertThat(deliveriesOf(ada.id())).as("in-app only: no e-mail").isZero();
        assertThat(ada.client().get("/api/v1/me/notifications").json().path("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void anHourlyDigestCollectsNotificationsIntoOneMailOnceTheHourIsOver() {
        Account ada = verified("digest-ada");
        ada.client().put("/api/v1/me/notification-preferences", Map.of("items", List.of(
                Map.of("eventType", "advertisers.changed", "channels", List.of("IN_APP", "EMAIL"), "digest", "HOURLY"))));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        notifyOf(ada.id(), "advertisers.changed", "New advertiser A " + marker);
        notifyOf(ada.id(), "advertisers.changed", "New advertiser B " + marker);
        assertThat(deliveriesOf(ada.id())).as("nothing sent one by one").isZero();

        digests.sendDue(Instant.now());
        assertThat(deliveriesOf(ada.id())).as("not due before the hour is over").isZero();

        assertThat(digests.sendDue(Instant.now().plus(Duration.ofMinutes(61)))).isGreaterThanOrEqualTo(1);
        MailMessage summary = Mailbox.latestTo((DevMailbox) mailer, ada.email(), "hourly TTtools summary (2)");
        assertThat(summary.text()).contains("New advertiser A " + marker).contains("New advertiser B " + marker);
        digests.sendDue(Instant.now().plus(Duration.ofMinutes(122)));
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND template = 'digest'")
                .param("u", ada.id().value()).query(Long.class).single()).as("each notification in one digest").isEqualTo(1);
    }

    @Test
    void aDailyDigestWaitsTheWholeDayThenSendsOneSummary() {
        Account ada = verified("digest-daily");
        assertThat(ada.client().put("/api/v1/me/notification-preferences", Map.of("items", List.of(
                Map.of("eventType", "sync.failed", "channels", List.of("IN_APP", "EMAIL"), "digest", "DAILY"))))
                .status()).isEqualTo(200);
        assertThat(ada.client().get("/api/v1/me/notification-preferences").json().path("items").toString())
                .contains("\"digest\":\"DAILY\"");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        notifyOf(ada.id(), "sync.failed", "Sync failed at 09:00 " + marker);
        notifyOf(ada.id(), "sync.failed", "Sync failed at 15:00 " + marker);
        notifyOf(ada.id(), "sync.failed", "Sync failed at 21:00 " + marker);
        assertThat(deliveriesOf(ada.id())).as("nothing sent one by one").isZero();
        assertThat(ada.client().get("/api/v1/me/notifications").json().path("unreadCount").asInt())
                .as("in the app at once").isEqualTo(3);

        digests.sendDue(Instant.now().plus(Duration.ofMinutes(61)));
        digests.sendDue(Instant.now().plus(Duration.ofHours(23)));
        assertThat(deliveriesOf(ada.id())).as("an hour, or 23, is not a day").isZero();

        digests.sendDue(Instant.now().plus(Duration.ofHours(24).plusMinutes(1)));
        MailMessage summary = Mailbox.latestTo((DevMailbox) mailer, ada.email(), "daily TTtools summary (3)");
        assertThat(summary.text()).contains("Sync failed at 09:00 " + marker).contains("Sync failed at 21:00 " + marker);
        digests.sendDue(Instant.now().plus(Duration.ofHours(49)));
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND template = 'digest'")
                .param("u", ada.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    private long deliveriesOf(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND template <> 'verify-email'")
                .param("u", user.value()).query(Long.class).single();
    }
}
