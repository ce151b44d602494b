package com.tttools.app.tenancy;

import com.tttools.app.support.Tenants;
import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organizations, workspaces, roles and invitations through the JSON API, as a team would use them. */
class TenancyApiIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    Tenants tenants;

    @BeforeEach
    void setUp() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
    }

    @Test
    void inviteAcceptRoleChangeRemovalAndAccessIsGoneOnTheNextRequest() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Acme Agency");
        String wsId = tenants.createWorkspace(owner, orgId, "Brand One");
        assertThat(owner.api().get("/api/v1/me").json().get("organizations").toString())
                .contains(orgId).contains("Acme Agency").contains("OWNER");

        User colleague = tenants.verifiedUser("colleague");
        ApiClient.Response invited = expect(owner.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", colleague.email(), "role", "MEMBER",
                        "workspaces", List.of(Map.of("workspaceId", wsId, "role", "ANALYST")))), 201);
        assertThat(invited.json().get("expiresAt").asString()).isNotBlank();
        String invitationId = invited.json().get("id").asString();
        assertThat(owner.api().get("/api/v1/organizations/" + orgId + "/invitations").body()).contains(invitationId);
        String token = tenants.invitationToken(colleague.email());
        assertThat(jdbc.sql("select count(*) from invitations where token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(Integer.class).single()).isEqualTo(1);

        // the public page shows the invitation without signing in
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response page = anonymous.get("/invitations/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Acme Agency");

        ApiClient.Response accepted = expect(colleague.api().post("/api/v1/invitations/" + token + "/accept", null), 200);
        assertThat(accepted.json().get("organizationId").asString()).isEqualTo(orgId);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId + "/invitations").body()).doesNotContain(invitationId);
        assertThat(colleague.api().get("/api/v1/workspaces/" + wsId).json().get("role").asString()).isEqualTo("ANALYST");
        assertThat(colleague.api().get("/api/v1/organizations/" + orgId + "/workspaces").body()).contains(wsId);
        // an ANALYST may not manage workspace members; the org MEMBER may not invite
        assertThat(colleague.api().put("/api/v1/workspaces/" + wsId + "/members/" + colleague.id(),
                Map.of("role", "ADMIN")).status()).isEqualTo(403);
        assertThat(colleague.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", "x@example.com", "role", "MEMBER")).status()).isEqualTo(403);

        // role change: promoted to ADMIN, the colleague acts as workspace ADMIN at once
        ApiClient.Response promoted = expect(owner.api().patch("/api/v1/organizations/" + orgId + "/members/"
                + colleague.id(), Map.of("role", "ADMIN")), 200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(colleague.api().get("/api/v1/workspaces/" + wsId).json().get("role").asString()).isEqualTo("ADMIN");
        // demoted again: the next request is refused
        expect(owner.api().patch("/api/v1/organizations/" + orgId + "/members/" + colleague.id(),
                Map.of("role", "MEMBER")), 200);
        assertThat(colleague.api().get("/api/v1/organizations/" + orgId + "/invitations").status()).isEqualTo(403);

        // removal: the colleague's open session loses the organization on its next request
        expect(owner.api().delete("/api/v1/organizations/" + orgId + "/members/" + colleague.id()), 204);
        assertThat(colleague.api().get("/api/v1/organizations/" + orgId).status()).isEqualTo(404);
        assertThat(colleague.api().get("/api/v1/workspaces/" + wsId).status()).isEqualTo(404);
        assertThat(colleague.api().get("/api/v1/me").json().get("organizations").toString()).doesNotContain(orgId);
        assertThat(jdbc.sql("select count(*) from workspace_members where organization_id = :org and user_id = :u")
                .param("org", java.util.UUID.fromString(orgId)).param("u", java.util.UUID.fromString(colleague.id()))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void acceptingTwiceAfterRevocationOrAfterExpiryIsAClearError() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Clear Errors Ltd");

        User twice = tenants.verifiedUser("twice");
        String token = tenants.invite(owner, orgId, twice.email(), "MEMBER", List.of());
        expect(twice.api().post("/api/v1/invitations/" + token + "/accept", null), 200);
        ApiClient.Response again = twice.api().post("/api/v1/invitations/" + token + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already accepted");

        User revoked = tenants.verifiedUser("revoked");
        String revokedToken = tenants.invite(owner, orgId, revoked.email(), "MEMBER", List.of());
        String id = owner.api().get("/api/v1/organizations/" + orgId + "/invitations").json().get("items").get(0)
                .get("id").asString();
        expect(owner.api().delete("/api/v1/organizations/" + orgId + "/invitations/" + id), 204);
        ApiClient.Response afterRevoke = revoked.api().post("/api/v1/invitations/" + revokedToken + "/accept", null);
        assertThat(afterRevoke.status()).isEqualTo(409);
        assertThat(afterRevoke.json().get("detail").asString()).contains("revoked");

        User late = tenants.verifiedUser("late");
        String lateToken = tenants.invite(owner, orgId, late.email(), "MEMBER", List.of());
        jdbc.sql("update invitations set expires_at = now() - interval '1 minute' where email = :e")
                .param("e", late.email()).update();
        ApiClient.Response expired = late.api().post("/api/v1/invitations/" + lateToken + "/accept", null);
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.json().get("detail").asString()).contains("expired");
        assertThat(late.api().get("/api/v1/organizations/" + orgId).status()).isEqualTo(404);

        ApiClient.Response unknown = late.api().post("/api/v1/invitations/not-a-real-token/accept", null);
        assertThat(unknown.status()).isEqualTo(404);
        // the problem names the path with the token masked (MVC prints the bodies it writes at DEBUG)
        assertThat(unknown.json().get("instance").asString()).isEqualTo("/api/v1/invitations/***/accept");
        assertThat(expired.body()).doesNotContain(lateToken);
        assertThat(unknown.body()).doesNotContain("not-a-real-token");
    }

    @Test
    void someoneWithoutAnAccountSignsUpFromTheLinkVerifiesAndAccepts() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Newcomers Welcome");
        String email = com.tttools.app.support.Users.uniqueEmail("newcomer");
        expect(owner.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", email, "role", "MEMBER")), 201);
        String token = tenants.invitationToken(email);
        assertThat(new ApiClient(port).get("/invitations/" + token).body()).contains("Sign up");

        limiter.reset(com.tttools.app.identity.account.LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ApiClient newcomer = com.tttools.app.support.Users.signedUp(port, email);
        ApiClient.Response unverified = newcomer.post("/api/v1/invitations/" + token + "/accept", null);
        assertThat(unverified.status()).isEqualTo(403);
        String verification = com.tttools.app.support.Mailbox.tokenIn(com.tttools.app.support.Mailbox.latestTo(
                (DevMailbox) mailer, email, "Confirm your TTtools email"));
        expect(newcomer.post("/api/v1/auth/verify-email", Map.of("token", verification)), 204);
        expect(newcomer.post("/api/v1/invitations/" + token + "/accept", null), 200);
        assertThat(newcomer.get("/api/v1/me").json().get("organizations").toString()).contains(orgId);
    }

    @Test
    void aRemovedMembersAccessTokenLosesTheOrganizationToo() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Token Holders");
        String wsId = tenants.createWorkspace(owner, orgId, "Scripted brand");
        User scripter = tenants.member(owner, orgId, "scripter", "MEMBER",
                List.of(Map.of("workspaceId", wsId, "role", "OPERATOR")));
        String token = expect(scripter.api().post("/api/v1/me/tokens", Map.of("name", "ci")), 201).json()
                .get("token").asString();
        ApiClient script = new ApiClient(port).bearer(token);
        assertThat(script.get("/api/v1/workspaces/" + wsId).status()).isEqualTo(200);

        expect(owner.api().put("/api/v1/workspaces/" + wsId + "/members/" + scripter.id(), Map.of("role", "ANALYST")), 200);
        assertThat(script.get("/api/v1/workspaces/" + wsId).json().get("role").asString()).isEqualTo("ANALYST");
        expect(owner.api().delete("/api/v1/organizations/" + orgId + "/members/" + scripter.id()), 204);
        assertThat(script.get("/api/v1/workspaces/" + wsId).status()).isEqualTo(404);
        assertThat(script.get("/api/v1/organizations/" + orgId + "/members").status()).isEqualTo(404);
    }

    @Test
    void resendIssuesANewLinkAndTheOldOneStopsWorking() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Resend Inc");
        User invitee = tenants.verifiedUser("invitee");
        String first = tenants.invite(owner, orgId, invitee.email(), "ADMIN", List.of());
        String id = owner.api().get("/api/v1/organizations/" + orgId + "/invitations").json().get("items").get(0)
                .get("id").asString();
        expect(owner.api().post("/api/v1/organizations/" + orgId + "/invitations/" + id + "/resend", null), 200);
        String second = tenants.resentInvitationToken(invitee.email(), first);
        assertThat(second).isNotEqualTo(first);
        assertThat(invitee.api().post("/api/v1/invitations/" + first + "/accept", null).status()).isEqualTo(404);
        expect(invitee.api().post("/api/v1/invitations/" + second + "/accept", null), 200);
        assertThat(invitee.api().get("/api/v1/organizations/" + orgId).json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void onlyTheInvitedVerifiedEmailCanAccept() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Matching Email Co");
        User intended = tenants.verifiedUser("intended");
        String token = tenants.invite(owner, orgId, intended.email(), "MEMBER", List.of());

        User someoneElse = tenants.verifiedUser("other");
        ApiClient.Response wrong = someoneElse.api().post("/api/v1/invitations/" + token + "/accept", null);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("detail").asString()).contains("different email");

        jdbc.sql("update users set email_verified_at = null where id = :id")
                .param("id", java.util.UUID.fromString(intended.id())).update();
        ApiClient.Response unverified = intended.api().post("/api/v1/invitations/" + token + "/accept", null);
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.json().get("detail").asString()).contains("Confirm your email");
        assertThat(new ApiClient(port).post("/api/v1/invitations/" + token + "/accept", null).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndNothingIsApplied() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Strict Input GmbH");
        User admin = tenants.member(owner, orgId, "admin", "ADMIN", List.of());
        int invitationsBefore = countInvitations(orgId);

        ApiClient.Response existing = admin.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", owner.email().toUpperCase(), "role", "MEMBER"));
        assertThat(existing.status()).isEqualTo(409);
        assertThat(existing.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

        ApiClient.Response invalidRole = admin.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", "new@example.com", "role", "SUPERUSER"));
        assertThat(invalidRole.status()).isEqualTo(422);
        assertThat(invalidRole.json().get("errors").toString()).contains("\"role\"");

        ApiClient.Response aboveOwn = admin.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", "new@example.com", "role", "OWNER"));
        assertThat(aboveOwn.status()).isEqualTo(422);
        assertThat(aboveOwn.json().get("errors").toString()).contains("above your own");

        ApiClient.Response badGrant = admin.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", "not-an-email", "role", "MEMBER",
                        "workspaces", List.of(Map.of("workspaceId", java.util.UUID.randomUUID().toString(), "role", "ANALYST"))));
        assertThat(badGrant.status()).isEqualTo(422);
        assertThat(badGrant.json().get("errors").toString()).contains("\"email\"").contains("workspaces[0].workspaceId");
        assertThat(countInvitations(orgId)).isEqualTo(invitationsBefore);

        ApiClient.Response lastOwner = owner.api().delete("/api/v1/organizations/" + orgId + "/members/" + owner.id());
        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(lastOwner.json().get("detail").asString()).contains("at least one owner");
        assertThat(owner.api().patch("/api/v1/organizations/" + orgId + "/members/" + owner.id(),
                Map.of("role", "ADMIN")).status()).isEqualTo(409);
        assertThat(admin.api().delete("/api/v1/organizations/" + orgId + "/members/" + owner.id()).status())
                .isEqualTo(403);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId).json().get("role").asString()).isEqualTo("OWNER");

        ApiClient.Response badWorkspace = owner.api().post("/api/v1/organizations/" + orgId + "/workspaces",
                Map.of("name", "", "timezone", "Mars/Olympus", "currency", "XYZ1"));
        assertThat(badWorkspace.status()).isEqualTo(422);
        assertThat(badWorkspace.json().get("errors").toString()).contains("\"name\"").contains("\"timezone\"")
                .contains("\"currency\"");

        assertThat(owner.api().delete("/api/v1/organizations/" + orgId, Map.of("confirmName", "wrong")).status())
                .isEqualTo(422);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId).status()).isEqualTo(200);
    }

    @Test
    void namesShownToOthersRefuseControlAndTextDirectionCharacters() {
        User owner = tenants.verifiedUser("bidi");
        for (String name : List.of("Acme \u202Eycnega\u202C", "Acme\u2066 Agency", "Bell\u0007", "Two\nLines")) {
            ApiClient.Response refused = owner.api().post("/api/v1/organizations", Map.of("name", name));
            assertThat(refused.status()).as(name).isEqualTo(422);
            assertThat(refused.json().get("errors").toString()).contains("\"name\"").contains("text-direction");
        }
        String orgId = tenants.createOrganization(owner, "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 Ads");
        ApiClient.Response workspace = owner.api().post("/api/v1/organizations/" + orgId + "/workspaces",
                Map.of("name", "Brand \u202Eeno", "timezone", "UTC", "currency", "EUR"));
        assertThat(workspace.status()).isEqualTo(422);
        assertThat(workspace.json().get("errors").toString()).contains("\"name\"");
    }

    @Test
    void twoConcurrentDemotionsCannotLeaveTheOrganizationWithoutAnOwner() throws Exception {
        User first = tenants.verifiedUser("first");
        String orgId = tenants.createOrganization(first, "Race Conditions Ltd");
        User second = tenants.member(first, orgId, "second", "OWNER", List.of());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> demotions = new ArrayList<>();
        for (User user : List.of(first, second)) {
            demotions.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return user.api().patch("/api/v1/organizations/" + orgId + "/members/" + user.id(),
                        Map.of("role", "ADMIN")).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = demotions.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(jdbc.sql("select count(*) from organization_members where organization_id = :org and role = 'OWNER'")
                .param("org", java.util.UUID.fromString(orgId)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void transferOwnershipLeaveAndDeleteTheOrganization() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Handover BV");
        User heir = tenants.member(owner, orgId, "heir", "MEMBER", List.of());
        User leaver = tenants.member(owner, orgId, "leaver", "MEMBER", List.of());

        expect(owner.api().post("/api/v1/organizations/" + orgId + "/transfer-ownership", Map.of("userId", heir.id())), 204);
        assertThat(heir.api().get("/api/v1/organizations/" + orgId).json().get("role").asString()).isEqualTo("OWNER");
        assertThat(owner.api().get("/api/v1/organizations/" + orgId).json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(owner.api().delete("/api/v1/organizations/" + orgId, Map.of("confirmName", "Handover BV")).status())
                .isEqualTo(403);

        expect(leaver.api().post("/api/v1/organizations/" + orgId + "/leave", null), 204);
        assertThat(leaver.api().get("/api/v1/organizations/" + orgId).status()).isEqualTo(404);

        expect(heir.api().delete("/api/v1/organizations/" + orgId, Map.of("confirmName", "Handover BV")), 204);
        assertThat(heir.api().get("/api/v1/organizations/" + orgId).status()).isEqualTo(404);
        assertThat(owner.api().get("/api/v1/me").json().get("organizations").toString()).doesNotContain(orgId);
    }

    @Test
    void deletedWorkspaceDisappearsCanBeRestoredAndIsPurgedAfterThirtyDays() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Soft Delete Co");
        String wsId = tenants.createWorkspace(owner, orgId, "Short-lived brand");

        expect(owner.api().delete("/api/v1/workspaces/" + wsId), 204);
        assertThat(owner.api().get("/api/v1/workspaces/" + wsId).status()).isEqualTo(404);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId + "/workspaces").body()).doesNotContain(wsId);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId + "/deleted-workspaces").body()).contains(wsId);
        String page = expect(owner.api().get("/organizations/" + orgId + "/workspaces"), 200).body();
        String deleted = page.substring(page.indexOf("id=\"deleted-workspaces\""));
        deleted = deleted.substring(0, deleted.indexOf("</table>"));
        assertThat(deleted).as("the deleted workspace's dates as local times, not ISO instants")
                .contains("Short-lived brand").contains("<time data-local=\"datetime\"")
                .doesNotContainPattern(">\\d{4}-\\d\\d-\\d\\dT");

        assertThat(expect(owner.api().post("/api/v1/workspaces/" + wsId + "/restore", null), 200).json()
                .get("name").asString()).isEqualTo("Short-lived brand");
        assertThat(owner.api().get("/api/v1/workspaces/" + wsId).status()).isEqualTo(200);

        expect(owner.api().delete("/api/v1/workspaces/" + wsId), 204);
        jdbc.sql("update workspaces set deleted_at = now() - interval '31 days' where id = :id")
                .param("id", java.util.UUID.fromString(wsId)).update();
        purge.purgeExpired(100);
        assertThat(jdbc.sql("select count(*) from workspaces where id = :id")
                .param("id", java.util.UUID.fromString(wsId)).query(Integer.class).single()).isZero();
    }

    @Autowired
    com.tttools.app.tenancy.core.WorkspaceService purge;

    @Test
    void theLastUsedWorkspaceIsRemembered() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Switcher Ltd");
        String first = tenants.createWorkspace(owner, orgId, "First");
        tenants.createWorkspace(owner, orgId, "Second");
        expect(owner.api().post("/api/v1/workspaces/" + first + "/switch", null), 200);
        assertThat(access.currentWorkspace(com.tttools.app.shared.UserId.of(owner.id())).orElseThrow().workspaceId()
                .toString()).isEqualTo(first);
    }

    @Autowired
    TenantAccess access;

    @Test
    void extraFieldsInBodiesChangeNothingButWhatTheEndpointIsFor() {
        User owner = tenants.verifiedUser("owner");
        String orgId = tenants.createOrganization(owner, "Mass Assignment Ltd");
        User member = tenants.member(owner, orgId, "member", "MEMBER", List.of());
        String otherOrg = java.util.UUID.randomUUID().toString();
        ApiClient.Response changed = owner.api().patch("/api/v1/organizations/" + orgId + "/members/" + member.id(),
                Map.of("role", "ADMIN", "organizationId", otherOrg, "userId", owner.id(), "ownerId", member.id(),
                        "id", otherOrg, "createdBy", member.id()));
        assertThat(changed.status()).isIn(200, 422);
        assertThat(jdbc.sql("select count(*) from organization_members where organization_id = :org")
                .param("org", java.util.UUID.fromString(orgId)).query(Integer.class).single()).isEqualTo(2);
        assertThat(owner.api().get("/api/v1/organizations/" + orgId).json().get("role").asString()).isEqualTo("OWNER");
        assertThat(jdbc.sql("select created_by::text from organizations where id = :org")
                .param("org", java.util.UUID.fromString(orgId)).query(String.class).single()).isEqualTo(owner.id());
    }

    @Test
    void malformedIdsAnswer404() {
        User owner = tenants.verifiedUser("owner");
        assertThat(owner.api().get("/api/v1/organizations/not-a-uuid").status()).isEqualTo(404);
        assertThat(owner.api().get("/api/v1/workspaces/12345").status()).isEqualTo(404);
        assertThat(owner.api().get("/api/v1/workspaces/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(owner.api().patch("/api/v1/organizations/" + java.util.UUID.randomUUID() + "/members/zzz",
                Map.of("role", "ADMIN")).status()).isEqualTo(404);
    }

    private int countInvitations(String orgId) {
        return jdbc.sql("select count(*) from invitations where organization_id = :org")
                .param("org", java.util.UUID.fromString(orgId)).query(Integer.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
