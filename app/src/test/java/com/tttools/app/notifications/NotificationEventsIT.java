package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionAdvertisersChanged;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionStatusChanged;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Other modules' past-tense events become notifications for the right people. */
class NotificationEventsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Notifications notifications;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    JsonNode notificationsOf(ApiClient client) {
        return client.get("/api/v1/me/notifications").json();
    }

    @Test
    void aPasswordResetNotifiesTheAccountInAppAndByMail() {
        String email = Users.uniqueEmail("reset-notify");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", email));
        String token = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));
        assertThat(new ApiClient(port).post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "another horse battery staple 43")).status()).isEqualTo(204);

        ApiClient again = Users.loggedIn(port, email, "another horse battery staple 43");
        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(again).path("items").toString()
                .contains("security.password-changed"));
        Mailbox.latestTo((DevMailbox) mailer, email, "Your password was changed");
    }

    @Test
    void aConnectionNeedingReauthorisationNotifiesTheWorkspaceAdminsOnly() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("reauth-owner");
        String orgId = tenants.createOrganization(owner, "Reauth Org");
        String wsId = tenants.createWorkspace(owner, orgId, "Reauth WS");
        Tenants.User analyst = tenants.member(owner, orgId, "reauth-analyst", "MEMBER",
                List.of(Map.of("workspaceId", wsId, "role", "ANALYST")));
        UUID connection = UUID.randomUUID();

        transactions.executeWithoutResult(s -> events.publishEvent(new ConnectionStatusChanged(connection,
                WorkspaceId.of(wsId), OrganizationId.of(orgId), ConnectionStatus.ACTIVE, ConnectionStatus.NEEDS_REAUTH, 40105,
                Actor.system("test"), RequestMetadata.none(), Instant.now())));

        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(owner.api()).path("items").toString()
                .contains("connection.needs-reauth"));
        JsonNode item = notificationsOf(owner.api()).path("items").get(0);
        assertThat(item.path("link").asString()).isEqualTo("/workspaces/" + wsId + "/connections");
        assertThat(notificationsOf(analyst.api()).path("items").toString()).doesNotContain("connection.needs-reauth");

        // the delivery shows in the workspace's log for its admin, recipient masked; the analyst may not see it
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.api().get("/api/v1/workspaces/" + wsId
                + "/deliveries").json().path("items").size() == 1);
        JsonNode delivery = owner.api().get("/api/v1/workspaces/" + wsId + "/deliveries").json().path("items").get(0);
        assertThat(delivery.path("template").asString()).isEqualTo("connection.needs-reauth");
        assertThat(delivery.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(owner.api().get("/workspaces/" + wsId + "/deliveries").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.api().get("/api/v1/workspaces/" + wsId
                + "/deliveries").json().path("items").get(0).path("recipient").asString().contains("***@"));
        assertThat(analyst.api().get("/api/v1/workspaces/" + wsId + "/deliveries").status()).isEqualTo(403);
    }

    @Test
    void aConnectionErrorAndChangedAdvertisersNotifyTheWorkspaceAdmins() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("conn-events-owner");
        String orgId = tenants.createOrganization(owner, "Conn events org");
        String wsId = tenants.createWorkspace(owner, orgId, "Conn events ws");
        UUID connection = UUID.randomUUID();

        transactions.executeWithoutResult(s -> {
            events.publishEvent(new ConnectionStatusChanged(connection, WorkspaceId.of(wsId), OrganizationId.of(orgId),
                    ConnectionStatus.ACTIVE, ConnectionStatus.ERROR, 50000, Actor.system("test"), RequestMetadata.none(),
                    Instant.now()));
            events.publishEvent(new ConnectionAdvertisersChanged(connection, WorkspaceId.of(wsId),
                    OrganizationId.of(orgId), List.of("7001", "7002"), List.of("7003"), Instant.now()));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(owner.api()).path("items").size() == 2);
        JsonNode items = notificationsOf(owner.api()).path("items");
        assertThat(items.findValuesAsString("type")).containsExactlyInAnyOrder("connection.error", "advertisers.changed");
        assertThat(items.toString()).contains("2 advertiser(s) added, 1 no longer reachable through the TikTok connection.");
    }

    @Test
    void aSignInFromANewIpAndTwoFactorChangesNotifyTheAccount() {
        String email = Users.uniqueEmail("security-events");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UserId user = UserId.of(client.get("/api/v1/me").json().path("id").asString());
        String ip = "203.0.113." + (1 + new java.util.Random().nextInt(250));

        // once the account has a known address, a new one is told once, however often it is used. Listeners run in
        // parallel, so the first address is recorded before the others arrive (otherwise either could be "first").
        signIn(user, email, "198.51.100.9");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM notification_known_login_ips WHERE user_id = :u AND ip = '198.51.100.9'")
                .param("u", user.value()).query(Long.class).single() == 1);
        for (int i = 0; i < 3; i++) {
            signIn(user, email, ip);
        }
        transactions.executeWithoutResult(s -> events.publishEvent(new SecurityEventOccurred("two_factor.enabled",
                user, email, new RequestMetadata(ip, "test", null), Map.of(), Instant.now())));

        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(client).path("items").toString()
                .contains("Two-factor sign-in turned on") && jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :u")
                .param("u", "%" + user.value() + "%").query(Long.class).single() == 0);
        List<String> titles = notificationsOf(client).path("items").findValuesAsString("title");
        assertThat(titles).filteredOn(t -> t.equals("New sign-in from " + ip)).hasSize(1);
        assertThat(titles).contains("Two-factor sign-in turned on");
        Mailbox.latestTo((DevMailbox) mailer, email, "New sign-in from " + ip);
        Mailbox.latestTo((DevMailbox) mailer, email, "Two-factor sign-in turned on");
    }

    private void signIn(UserId user, String email, String from) {
        transactions.executeWithoutResult(s -> events.publishEvent(new SecurityEventOccurred("login.succeeded",
                user, email, new RequestMetadata(from, "test", null), Map.of(), Instant.now())));
    }

    @Test
    void someoneWithAnAccountWhoIsInvitedSeesItInTheApp() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("inviting-owner");
        String orgId = tenants.createOrganization(owner, "Inviting org");
        Tenants.User invitee = tenants.verifiedUser("invited-user");

        tenants.invite(owner, orgId, invitee.email(), "MEMBER", List.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> notificationsOf(invitee.api()).path("items").toString()
                .contains("invitation.received"));
        assertThat(notificationsOf(invitee.api()).path("items").get(0).path("title").asString())
                .isEqualTo("You were invited to an organization");
    }

    /** The outbox is written in the caller's transaction: a rolled-back cause stores and sends nothing. */
    @Test
    void aNotificationOfARolledBackTransactionIsNeitherStoredNorSent() {
        String email = Users.uniqueEmail("rolled-back");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UserId user = UserId.of(client.get("/api/v1/me").json().path("id").asString());

        transactions.executeWithoutResult(s -> {
            notifications.notify(new NotificationRequest("sync.failed", user, null, "Never happened", "Rolled back",
                    null, null, List.of(), null));
            s.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND title = 'Never happened'")
                .param("u", user.value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE user_id = :u AND template = 'sync.failed'")
                .param("u", user.value()).query(Long.class).single()).isZero();
        assertThat(notificationsOf(client).path("unreadCount").asInt()).isZero();
    }
}
