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
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionStatusChanged;
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
}
