package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The audit log API end to end, with real tenants: organization admins see everything, a workspace ADMIN only
 * their workspaces' events, other members 403, outsiders 404.
 */
class AuditEventsControllerIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    AuditLog auditLog;

    Tenants tenants;
    Tenants.User owner;
    Tenants.User workspaceAdmin;
    Tenants.User analyst;
    Tenants.User outsider;
    String organization;
    String workspaceA;
    String workspaceB;

    @BeforeEach
    void tenants() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("audit-owner");
        organization = tenants.createOrganization(owner, "Audit Agency");
        workspaceA = tenants.createWorkspace(owner, organization, "Brand A");
        workspaceB = tenants.createWorkspace(owner, organization, "Brand B");
        workspaceAdmin = tenants.member(owner, organization, "audit-wsadmin", "MEMBER",
                List.of(Map.of("workspaceId", workspaceA, "role", "ADMIN")));
        analyst = tenants.member(owner, organization, "audit-analyst", "MEMBER",
                List.of(Map.of("workspaceId", workspaceA, "role", "ANALYST")));
        outsider = tenants.verifiedUser("audit-outsider");
        tenants.createOrganization(outsider, "Other Agency");
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(
                AuditQuery.of(OrganizationId.of(organization)).withAction("workspace.created")).items().size() == 2);
    }

    String path(String suffix) {
        return "/api/v1/organizations/" + organization + suffix;
    }

    @Test
    void organizationAdminsSeeEveryWorkspacesEventsInTheApiShape() {
        JsonNode page = Tenants.expect(owner.api().get(path("/audit-events?action=workspace.created")), 200).json();
        assertThat(page.get("items").size()).isEqualTo(2);
        JsonNode event = page.get("items").get(0);
        assertThat(event.get("action").asString()).isEqualTo("workspace.created");
        assertThat(event.get("actor").get("email").asString()).isEqualTo(owner.email());
        assertThat(event.get("target").get("type").asString()).isEqualTo("workspace");
        assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(event.get("requestId").asString()).isNotBlank();
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aWorkspaceAdminSeesOnlyTheirWorkspacesEvents() {
        JsonNode items = Tenants.expect(workspaceAdmin.api().get(path("/audit-events")), 200).json().get("items");
        assertThat(items.size()).isPositive();
        items.forEach(item -> assertThat(item.get("workspaceId").asString()).isEqualTo(workspaceA));
        assertThat(items.toString()).doesNotContain(workspaceB);
    }

    @Test
    void otherMembersGet403AndOutsiders404() {
        assertThat(analyst.api().get(path("/audit-events")).status()).isEqualTo(403);
        ApiClient.Response outside = outsider.api().get(path("/audit-events"));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain(workspaceA).doesNotContain("Audit Agency");
        assertThat(outsider.api().get("/api/v1/organizations/not-an-id/audit-events").status()).isEqualTo(404);
    }

    @Test
    void forgedCursorsTooLargeLimitsAndBadDatesAre422WithTheField() {
        assertThat(owner.api().get(path("/audit-events?cursor=forged")).json().get("errors").get(0).get("field").asString())
                .isEqualTo("cursor");
        assertThat(owner.api().get(path("/audit-events?limit=501")).json().get("errors").get(0).get("field").asString())
                .isEqualTo("limit");
        ApiClient.Response badDate = owner.api().get(path("/audit-events?from=yesterday"));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void theCsvStreamsTheVisibleRowsAndTheExportIsItselfAudited() {
        ApiClient.Response csv = Tenants.expect(workspaceAdmin.api().get(path("/audit-events.csv")), 200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,at,");
        assertThat(lines.length).isGreaterThan(1);
        assertThat(csv.body()).contains(workspaceA).doesNotContain(workspaceB);
        await().atMost(Duration.ofSeconds(10)).until(() -> !auditLog.search(AuditQuery.of(OrganizationId.of(organization))
                .withAction(AuditAction.AUDIT_EXPORTED.code())).items().isEmpty());
    }

    @Test
    void onlyOrganizationAdminsVerifyTheChain() {
        JsonNode verification = Tenants.expect(owner.api().get(path("/audit-events/verification")), 200).json();
        assertThat(verification.get("ok").asBoolean()).isTrue();
        assertThat(verification.get("checkedCount").asLong()).isPositive();
        assertThat(workspaceAdmin.api().get(path("/audit-events/verification")).status()).isEqualTo(404);
        assertThat(analyst.api().get(path("/audit-events/verification")).status()).isEqualTo(403);
    }

    @Test
    void theAuditPageShowsTheVisibleEventsAndVerifiesTheChainForOrganizationAdmins() {
        ApiClient.Response page = Tenants.expect(owner.api().get("/organizations/" + organization + "/audit"), 200);
        assertThat(page.body()).contains("workspace.created").contains("Verify the chain");
        ApiClient.Response limited = Tenants.expect(workspaceAdmin.api().get("/organizations/" + organization + "/audit"), 200);
        assertThat(limited.body()).contains(workspaceA).doesNotContain(workspaceB).doesNotContain("Verify the chain");
        assertThat(analyst.api().get("/organizations/" + organization + "/audit").status()).isEqualTo(403);
        assertThat(outsider.api().get("/organizations/" + organization + "/audit").status()).isEqualTo(404);

        ApiClient.Response verified = Tenants.expect(owner.api().post("/organizations/" + organization + "/audit/verify",
                null), 200);
        assertThat(verified.body()).contains("Intact");
        assertThat(workspaceAdmin.api().post("/organizations/" + organization + "/audit/verify", null).status())
                .isEqualTo(404);
    }

    @Test
    void organizationAdminsSeeTheirMembersSignInActivity() {
        com.tttools.app.support.Users.loggedIn(port, analyst.email(), com.tttools.app.support.Users.PASSWORD);
        com.tttools.app.support.Users.loggedIn(port, outsider.email(), com.tttools.app.support.Users.PASSWORD);
        JsonNode items = await().atMost(Duration.ofSeconds(15)).until(() -> Tenants.expect(owner.api()
                .get(path("/security-events")), 200).json().get("items"), found -> found.toString().contains(analyst.email()));
        assertThat(items.toString()).doesNotContain(outsider.email());
        assertThat(analyst.api().get(path("/security-events")).status()).isEqualTo(403);
        assertThat(workspaceAdmin.api().get(path("/security-events")).status()).isEqualTo(403);
        assertThat(outsider.api().get(path("/security-events")).status()).isEqualTo(404);
        assertThat(owner.api().get(path("/security-events?limit=0")).status()).isEqualTo(422);
    }

    @Test
    void anEmptyFilterMeansNoFilterAndTheCsvLinkSendsOnlyTheFiltersThatAreSet() {
        ApiClient.Response api = Tenants.expect(owner.api().get(path("/audit-events?workspaceId=&actorId=&action=")), 200);
        assertThat(api.json().get("items").size()).isPositive();
        Tenants.expect(owner.api().get(path("/audit-events.csv?workspaceId=&actorId=&from=&to=")), 200);

        ApiClient.Response page = Tenants.expect(owner.api().get("/organizations/" + organization
                + "/audit?from=&to=&action=workspace.created&workspaceId="), 200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"audit-csv\"\\s+href=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(link.find()).as("the CSV link").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).isEqualTo(path("/audit-events.csv?action=workspace.created"));
        ApiClient.Response csv = Tenants.expect(owner.api().get(href), 200);
        assertThat(csv.body().split("\r\n")).hasSize(3);
    }

    @Test
    void theAuditLogLinkIsShownOnlyToThoseWhoMayOpenIt() {
        String settings = "/organizations/" + organization;
        assertThat(Tenants.expect(owner.api().get(settings), 200).body()).contains("id=\"audit-log\"");
        assertThat(Tenants.expect(workspaceAdmin.api().get(settings), 200).body()).contains("id=\"audit-log\"");
        assertThat(Tenants.expect(analyst.api().get(settings), 200).body()).doesNotContain("id=\"audit-log\"")
                .doesNotContain("Audit log");
    }
}
