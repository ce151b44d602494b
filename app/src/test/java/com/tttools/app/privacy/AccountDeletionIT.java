package com.tttools.app.privacy;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import com.tttools.app.support.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Account deletion: refused while the caller is the last owner of an organization with other members; otherwise
 * sessions and tokens end at once; a sign-in within the grace period restores the account; after it (the purge
 * run with a clock moved past the grace period) no inventoried column holds the user's e-mail or name.
 */
class AccountDeletionIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountDeletions deletions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Tenants tenants;

    @BeforeEach
    void tenants() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
    }

    @Test
    void theLastOwnerOfAnOrganizationWithOtherMembersGets409WithTheOrganizations() {
        User owner = tenants.verifiedUser("deletion-owner");
        String org = tenants.createOrganization(owner, "Owned Org " + UUID.randomUUID());
        User member = tenants.member(owner, org, "deletion-member", "ADMIN", List.of());

        ApiClient.Response refused = owner.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD));
        assertThat(refused.status()).isEqualTo(409);
        JsonNode organizations = refused.json().get("organizations");
        assertThat(organizations).hasSize(1);
        assertThat(organizations.get(0).get("id").asString()).isEqualTo(org);
        assertThat(organizations.get(0).get("transferUrl").asString()).isEqualTo("/organizations/" + org);
        expect(owner.api().get("/api/v1/me"), 200);   // nothing happened

        // the page says the same, with a link to each organization's transfer form, and a wrong password next to its field
        ApiClient.Response page = owner.api().post("/account/data/delete?password="
                + java.net.URLEncoder.encode(Users.PASSWORD, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"delete-blocked\"", "href=\"/organizations/" + org + "\"");
        ApiClient.Response wrong = owner.api().post("/account/data/delete?password=wrong+password+here", null);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"password-error\"", "is not your current password");
        expect(owner.api().get("/api/v1/me"), 200);

        // after a transfer of ownership the former owner may go
        expect(owner.api().post("/api/v1/organizations/" + org + "/transfer-ownership", Map.of("userId", member.id())), 204);
        expect(owner.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);
    }

    @Test
    void aWrongPasswordIsAFieldError() {
        User user = tenants.verifiedUser("deletion-wrong");
        ApiClient.Response response = user.api().delete("/api/v1/me", Map.of("password", "not the password at all"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        expect(user.api().get("/api/v1/me"), 200);
    }

    @Test
    void deletionEndsSessionsAndTokensAndAfterTheGracePeriodNoPersonalDataRemains() {
        User user = tenants.verifiedUser("deletion-gone");
        String name = user.api().get("/api/v1/me").json().get("name").asString();
        String org = tenants.createOrganization(user, "Solo Org " + UUID.randomUUID());
        String ws = tenants.createWorkspace(user, org, "Solo Brand");
        expect(user.api().post("/api/v1/workspaces/" + ws + "/report-views", Map.of("name", "Mine",
                "visibility", "PRIVATE", "query", Map.of("level", "CAMPAIGN", "from", "2026-01-01", "to", "2026-01-31"))), 201);
        String pat = expect(user.api().post("/api/v1/me/tokens", Map.of("name", "deletion script")), 201).json()
                .get("token").asString();
        expect(new ApiClient(port).bearer(pat).get("/api/v1/me"), 200);
        ApiClient otherSession = Users.loggedIn(port, user.email(), Users.PASSWORD);
        // someone else invited this address: the invitation holds it too
        User inviter = tenants.verifiedUser("deletion-inviter");
        String inviterOrg = tenants.createOrganization(inviter, "Inviter Org " + UUID.randomUUID());
        tenants.invite(inviter, inviterOrg, user.email(), "MEMBER", List.of());

        expect(user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);

        expect(user.api().get("/api/v1/me"), 401);
        expect(otherSession.get("/api/v1/me"), 401);
        expect(new ApiClient(port).bearer(pat).get("/api/v1/me"), 401);
        assertThat(deletions.pendingUntil(com.tttools.app.shared.UserId.of(user.id()))).isPresent();

        awaitAuditWritten(user.id());
        // the daily purge on the day before the grace period ends leaves everything in place
        Instant now = clock.instant();
        deletions.purgeDue(now.plus(Duration.ofDays(13)));
        assertThat(valuesFound(user.email(), name)).isNotEmpty();

        // the purge after the grace period (a moved clock), twice: idempotent
        assertThat(deletions.purgeDue(now.plus(Duration.ofDays(15)))).isGreaterThanOrEqualTo(1);
        assertThat(deletions.purgeDue(now.plus(Duration.ofDays(15)))).isZero();
        assertThat(valuesFound(user.email(), name)).as("the user's e-mail or name in an inventoried column").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :id").param("id", user.id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM organization_members WHERE user_id = :id")
                .param("id", UUID.fromString(user.id())).query(Integer.class).single()).isZero();
        // audit rows stay, under the tombstone, and the organization's chain still verifies
        List<String> actors = jdbc.sql("SELECT DISTINCT actor_email FROM audit_events WHERE actor_user_id = :id")
                .param("id", UUID.fromString(user.id())).query(String.class).list();
        assertThat(actors).containsExactly("deleted-user-" + user.id());
        assertThat(auditLog.verify(OrganizationId.of(org)).ok()).isTrue();

        ApiClient.Response login = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", user.email(), "password", Users.PASSWORD));
        assertThat(login.status()).as("sign-in after erasure").isEqualTo(401);
    }

    @Test
    void signingInWithinTheGracePeriodRestoresTheAccount() {
        User user = tenants.verifiedUser("deletion-back");
        expect(user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);
        expect(user.api().get("/api/v1/me"), 401);

        ApiClient back = new ApiClient(port);
        ApiClient.Response login = back.post("/api/v1/auth/login", Map.of("email", user.email(), "password", Users.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("X-Account-Restored")).hasValue("true");
        assertThat(deletions.pendingUntil(com.tttools.app.shared.UserId.of(user.id()))).isEmpty();

        deletions.purgeDue(clock.instant().plus(Duration.ofDays(30)));
        assertThat(expect(back.get("/api/v1/me"), 200).json().get("email").asString()).isEqualTo(user.email());
        ApiClient.Response again = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", user.email(), "password", Users.PASSWORD));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-Account-Restored")).isEmpty();
    }

    @Test
    void withTwoFactorSignInTheCodeIsNeededTooAndTheSecretIsNeverExported() {
        User user = tenants.verifiedUser("deletion-2fa");
        String secret = expect(user.api().post("/api/v1/me/two-factor", null), 200).json().get("secret").asString();
        expect(user.api().post("/api/v1/me/two-factor/confirm", Map.of("code", code(secret, 0))), 200);

        JsonNode export = expect(user.api().get("/api/v1/me/export"), 200).json();
        assertThat(export.get("sections").get("profile").get(0).get("two_factor_enabled").asBoolean()).isTrue();
        byte[] sealed = jdbc.sql("SELECT secret_ciphertext FROM user_two_factor WHERE user_id = :id")
                .param("id", UUID.fromString(user.id())).query(byte[].class).single();
        assertThat(export.toString()).doesNotContain(secret, java.util.Base64.getEncoder().encodeToString(sealed),
                java.util.HexFormat.of().formatHex(sealed));

        ApiClient.Response noCode = user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD));
        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.json().get("errors").get(0).get("field").asString()).isEqualTo("totpCode");
        ApiClient.Response wrongCode = user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD,
                "totpCode", "000000"));
        assertThat(wrongCode.status()).isEqualTo(422);
        expect(user.api().get("/api/v1/me"), 200);
        expect(user.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD, "totpCode", code(secret, 1))), 204);
        expect(user.api().get("/api/v1/me"), 401);
    }

    private static String code(String secret, int stepsAhead) {
        return com.tttools.app.identity.mfa.Totp.code(com.tttools.app.identity.mfa.Base32.decode(secret),
                com.tttools.app.identity.mfa.Totp.step(Instant.now()) + stepsAhead);
    }

    @Test
    void theErasureMayChangeOnlyThePersonalColumnsOfAuditRows() {
        User user = tenants.verifiedUser("deletion-trigger");
        awaitAuditWritten(user.id());
        UUID event = jdbc.sql("SELECT id FROM audit_events WHERE actor_user_id = :id LIMIT 1")
                .param("id", UUID.fromString(user.id())).query(UUID.class).single();
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('tttools.audit_erasure', 'on', true)").query(String.class).single();
            jdbc.sql("UPDATE audit_events SET action = 'user.deleted' WHERE id = :id").param("id", event).update();
        })).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "UPDATE audit_events SET ip = NULL WHERE id = :id").param("id", event).update())
                .rootCause().hasMessageContaining("append-only");
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('tttools.audit_erasure', 'on', true)").query(String.class).single();
            jdbc.sql("UPDATE audit_events SET ip = NULL WHERE id = :id").param("id", event).update();
        });
    }

    /** Audit and security events are stored after commit by listeners: wait until none is pending. */
    private void awaitAuditWritten(String userId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND strpos(serialized_event, :user) > 0""")
                .param("user", userId).query(Integer.class).single() == 0);
    }

    /** "table.column" of every inventoried text column holding the value (bytea columns are checked apart). */
    private List<String> valuesFound(String email, String name) {
        List<String> found = new ArrayList<>();
        for (PersonalDataInventory.Column column : PersonalDataInventory.COLUMNS) {
            if (column.column().equals("attribute_bytes") || column.table().equals("event_publication")) {
                continue;
            }
            Integer count = jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE lower(" + column.column()
                            + "::text) IN (lower(:email), lower(:name))")
                    .param("email", email).param("name", name).query(Integer.class).single();
            if (count > 0) {
                found.add(column.table() + "." + column.column());
            }
        }
        Integer inEvents = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL"
                + " AND strpos(lower(serialized_event), lower(:email)) > 0").param("email", email).query(Integer.class).single();
        if (inEvents > 0) {
            found.add("event_publication.serialized_event");
        }
        Integer inDetails = jdbc.sql("SELECT count(*) FROM audit_events WHERE strpos(details::text, :email) > 0")
                .param("email", email).query(Integer.class).single();
        if (inDetails > 0) {
            found.add("audit_events.details");
        }
        return found;
    }
}
