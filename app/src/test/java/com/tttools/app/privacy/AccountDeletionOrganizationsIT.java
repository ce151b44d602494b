package com.tttools.app.privacy;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import com.tttools.app.support.Users;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organization whose only member deletes their account is named beforehand (page and API answer), survives
 * the grace period (and a restore), and is deleted with the account when the purge runs: its workspaces go and
 * its TikTok token is revoked at the simulator, audited with the system as actor. An organization with other
 * members stays.
 */
class AccountDeletionOrganizationsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    AccountDeletions deletions;
    @Autowired
    Clock clock;

    @Test
    void anOrganizationTheUserIsAloneInIsNamedBeforehandAndDeletedWithTheAccountAfterTheGracePeriod() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        User user = tenants.verifiedUser("alone-org");
        String soloName = "Alone Org " + UUID.randomUUID();
        String solo = tenants.createOrganization(user, soloName);
        String ws = tenants.createWorkspace(user, solo, "Alone Brand");
        String connection = connect(user, ws);
        // the first asset sync runs as a job: let it finish before the workspace may go
        await().atMost(Duration.ofSeconds(120)).until(() -> count(
                "SELECT count(*) FROM jobs WHERE workspace_id = :id AND status IN ('QUEUED', 'RUNNING')", ws) == 0);
        String token = tokens.accessToken(WorkspaceId.of(ws), UUID.fromString(connection)).orElseThrow().value();
        assertThat(simulatorStatus(token)).isEqualTo("ACTIVE");
        // an organization with someone else in it (the user is a member there) is not theirs to take along
        User other = tenants.verifiedUser("alone-org-other");
        String sharedName = "Shared Org " + UUID.randomUUID();
        String shared = tenants.createOrganization(other, sharedName);
        tenants.invite(other, shared, user.email(), "MEMBER", List.of());
        expect(user.api().post("/api/v1/invitations/" + tenants.invitationToken(user.email()) + "/accept", null), 200);

        // the page says it before the user deletes anything
        ApiClient.Response page = expect(user.api().get("/account/data"), 200);
        int notice = page.body().indexOf("id=\"deleted-with-account\"");
        assertThat(notice).as("the notice under the delete form").isPositive();
        String listed = page.body().substring(notice, page.body().indexOf("</div>", notice));
        assertThat(listed).contains(soloName, "href=\"/organizations/" + solo + "\"").doesNotContain(sharedName);

        expect(user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);

        // during the grace period nothing goes; signing in restores the account with everything in it
        Instant requested = clock.instant();
        deletions.purgeDue(requested.plus(Duration.ofDays(13)));
        assertStillThere(solo, ws, token);
        ApiClient back = new ApiClient(port);
        ApiClient.Response login = back.post("/api/v1/auth/login", Map.of("email", user.email(), "password", Users.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("X-Account-Restored")).hasValue("true");
        deletions.purgeDue(requested.plus(Duration.ofDays(30)));
        assertStillThere(solo, ws, token);
        expect(back.get("/api/v1/workspaces/" + ws), 200);

        // asked again and left to run out: the organization, its workspace and its TikTok token go with the account
        expect(back.delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);
        assertThat(deletions.purgeDue(clock.instant().plus(Duration.ofDays(15)))).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM organizations WHERE id = :id", solo)).isZero();
        assertThat(count("SELECT count(*) FROM workspaces WHERE id = :id", ws)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(simulatorStatus(token)).isEqualTo("REVOKED");
            assertThat(count("SELECT count(*) FROM tiktok_connection WHERE workspace_id = :id", ws)).isZero();
            assertThat(jdbc.sql("""
                            SELECT actor_system FROM audit_events
                            WHERE organization_id = :id AND action = 'organization.deleted'""")
                    .param("id", UUID.fromString(solo)).query(String.class).list())
                    .containsExactly("job:account-deletion");
        });
        // the other organization stays, without the user
        assertThat(count("SELECT count(*) FROM organizations WHERE id = :id", shared)).isOne();
        assertThat(count("SELECT count(*) FROM organization_members WHERE organization_id = :id", shared)).isOne();
        assertThat(deletions.organizationsDeletedWith(UserId.of(user.id()))).isEmpty();
    }

    private void assertStillThere(String org, String ws, String token) {
        assertThat(count("SELECT count(*) FROM organizations WHERE id = :id", org)).isOne();
        assertThat(count("SELECT count(*) FROM organization_members WHERE organization_id = :id", org)).isOne();
        assertThat(count("SELECT count(*) FROM workspaces WHERE id = :id AND deleted_at IS NULL", ws)).isOne();
        assertThat(count("SELECT count(*) FROM tiktok_connection WHERE workspace_id = :id AND status <> 'DISCONNECTED'",
                ws)).isOne();
        assertThat(simulatorStatus(token)).isEqualTo("ACTIVE");
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", UUID.fromString(id)).query(Long.class).single();
    }

    private String connect(User admin, String workspaceId) {
        return new SimulatorApi(port, json).connect(admin.api(), workspaceId);
    }

    private String simulatorStatus(String accessToken) {
        return new SimulatorApi(port, json).token(accessToken).path("status").asString();
    }

}
