package com.tttools.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table-driven: every catalogue action of a module that exists is emitted by the operation that should emit
 * it, and reaches the stored, hash-chained log through the event listener. The operations run through the
 * public API; the rows are read back from {@code audit_events}.
 */
class AuditCatalogueEmissionIT extends IntegrationTest {

    /** Catalogue entries of modules still to be written (their actions are documented ahead of the code). */
    static final Set<String> MODULES_NOT_YET_BUILT = Set.of("tiktok", "jobs", "operations", "reporting", "privacy",
            "bulk");   // bulk: its own tests check the actions reach the log

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    com.tttools.app.tenancy.core.WorkspaceService workspaces;

    @Test
    void everyActionOfTheBuiltModulesIsEmittedAndStored() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        DevMailbox mailbox = (DevMailbox) mailer;

        // identity: sign-up, verification, profile, password change, email change, password reset
        Tenants.User owner = tenants.verifiedUser("catalogue-owner");
        owner.api().patch("/api/v1/me", Map.of("name", "Catalogue Owner"));
        Tenants.expect(owner.api().post("/api/v1/me/password", Map.of("currentPassword", Users.PASSWORD,
                "newPassword", "catalogue passphrase 1")), 204);
        String newEmail = Users.uniqueEmail("catalogue-new");
        Tenants.expect(owner.api().post("/api/v1/me/email", Map.of("email", newEmail, "currentPassword",
                "catalogue passphrase 1")), 202);
        Tenants.expect(owner.api().post("/api/v1/auth/verify-email", Map.of("token",
                Mailbox.tokenIn(Mailbox.latestTo(mailbox, newEmail, "Confirm your new TTtools email")))), 204);
        new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", newEmail));
        Tenants.expect(new ApiClient(port).post("/api/v1/auth/password-reset/confirm", Map.of("token",
                Mailbox.tokenIn(Mailbox.latestTo(mailbox, newEmail, "Reset your TTtools password")),
                "newPassword", Users.PASSWORD)), 204);
        ApiClient ownerApi = Users.loggedIn(port, newEmail, Users.PASSWORD);
        Tenants.User signedInOwner = new Tenants.User(owner.id(), newEmail, ownerApi);

        // tenancy: organization, workspaces, invitations, roles, removal, leaving, deletion, purge, transfer
        String org = Tenants.expect(ownerApi.post("/api/v1/organizations", Map.of("name", "Catalogue Org")), 201)
                .json().get("id").asString();
        String ws = Tenants.expect(ownerApi.post("/api/v1/organizations/" + org + "/workspaces",
                Map.of("name", "Catalogue WS", "timezone", "Asia/Tokyo", "currency", "JPY")), 201).json().get("id").asString();
        Tenants.User colleague = tenants.verifiedUser("catalogue-colleague");
        Tenants.expect(ownerApi.post("/api/v1/organizations/" + org + "/invitations",
                Map.of("email", colleague.email(), "role", "MEMBER")), 201);
        String invitationId = ownerApi.get("/api/v1/organizations/" + org + "/invitations").json().get("items").get(0)
                .get("id").asString();
        String firstToken = tenants.invitationToken(colleague.email());
        Tenants.expect(ownerApi.post("/api/v1/organizations/" + org + "/invitations/" + invitationId + "/resend", null), 200);
        // the resend replaces the token; its mail may arrive before or after the first one's
        Tenants.expect(colleague.api().post("/api/v1/invitations/"
                + tenants.resentInvitationToken(colleague.email(), firstToken) + "/accept", null), 200);
        Tenants.expect(ownerApi.patch("/api/v1/organizations/" + org + "/members/" + colleague.id(), Map.of("role", "ADMIN")), 200);
        Tenants.expect(ownerApi.put("/api/v1/workspaces/" + ws + "/members/" + colleague.id(), Map.of("role", "OPERATOR")), 200);
        Tenants.expect(ownerApi.put("/api/v1/workspaces/" + ws + "/members/" + colleague.id(), Map.of("role", "ANALYST")), 200);
        Tenants.expect(ownerApi.delete("/api/v1/workspaces/" + ws + "/members/" + colleague.id()), 204);
        Tenants.expect(ownerApi.post("/api/v1/organizations/" + org + "/invitations",
                Map.of("email", Users.uniqueEmail("catalogue-never"), "role", "MEMBER")), 201);
        String second = ownerApi.get("/api/v1/organizations/" + org + "/invitations").json().get("items").get(0)
                .get("id").asString();
        Tenants.expect(ownerApi.delete("/api/v1/organizations/" + org + "/invitations/" + second), 204);
        Tenants.expect(ownerApi.put("/api/v1/workspaces/" + ws + "/currency", Map.of("currency", "EUR")), 200);
        Tenants.expect(ownerApi.delete("/api/v1/workspaces/" + ws), 204);
        Tenants.expect(ownerApi.post("/api/v1/workspaces/" + ws + "/restore", null), 200);
        Tenants.expect(ownerApi.delete("/api/v1/workspaces/" + ws), 204);
        jdbc.sql("UPDATE workspaces SET deleted_at = now() - interval '31 days' WHERE id = :id")
                .param("id", UUID.fromString(ws)).update();
        workspaces.purgeExpired(100);
        Tenants.User leaver = tenants.member(signedInOwner, org, "catalogue-leaver", "MEMBER", List.of());
        Tenants.expect(leaver.api().post("/api/v1/organizations/" + org + "/leave", null), 204);
        Tenants.User removed = tenants.member(signedInOwner, org, "catalogue-removed", "MEMBER", List.of());
        Tenants.expect(ownerApi.delete("/api/v1/organizations/" + org + "/members/" + removed.id()), 204);
        Tenants.expect(ownerApi.post("/api/v1/organizations/" + org + "/transfer-ownership",
                Map.of("userId", colleague.id())), 204);
        Tenants.expect(colleague.api().delete("/api/v1/organizations/" + org, Map.of("confirmName", "Catalogue Org")), 204);

        // audit: export, retention change (the purge is covered with its own clock in AuditOwnActionsIT)
        String auditOrg = tenants.createOrganization(colleague, "Catalogue Audit Org");
        Tenants.expect(colleague.api().get("/api/v1/organizations/" + auditOrg + "/audit-events.csv"), 200);
        auditLog.setRetention(OrganizationId.of(auditOrg), 400,
                com.tttools.app.shared.audit.Actor.user(com.tttools.app.shared.UserId.of(colleague.id()), colleague.email()),
                com.tttools.app.shared.audit.RequestMetadata.none());

        Set<String> expected = Arrays.stream(AuditAction.values())
                .filter(a -> !MODULES_NOT_YET_BUILT.contains(a.emittedBy()))
                .filter(a -> a != AuditAction.AUDIT_PURGED)
                .map(AuditAction::code).collect(Collectors.toSet());
        Set<String> actors = Set.of(owner.id(), colleague.id(), leaver.id(), removed.id());
        Set<String> seen = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(
                () -> stored(actors, Set.of(org, auditOrg)), stored -> stored.containsAll(expected));
        assertThat(seen).containsAll(expected);
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code)).as("every stored action is catalogued")
                .containsAll(seen);
    }

    private Set<String> stored(Set<String> actorIds, Set<String> organizations) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT action FROM audit_events
                        WHERE actor_user_id = ANY(CAST(:actors AS uuid[]))
                           OR organization_id = ANY(CAST(:orgs AS uuid[]))""")
                .param("actors", actorIds.toArray(String[]::new))
                .param("orgs", organizations.toArray(String[]::new))
                .query(String.class).list());
    }
}
