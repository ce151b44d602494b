package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit log page: details in words per action, action and actor filters as controls with bad values answered
 * next to the control, the CSV link carrying only the filters set, and no "Audit log" link for members who may not
 * open it.
 */
class AuditLogPageIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    AuditLog auditLog;

    Tenants.User owner;
    Tenants.User analyst;
    String org;
    String ws;

    @BeforeEach
    void organizationWithEvents() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("auditpage-owner");
        org = tenants.createOrganization(owner, "Audit Page Agency");
        ws = tenants.createWorkspace(owner, org, "Audit Page Brand");
        analyst = tenants.member(owner, org, "auditpage-analyst", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ANALYST")));
        Actor by = Actor.user(new UserId(UUID.fromString(owner.id())), owner.email());
        record(by, "connection.connected", "connection", Map.of("scopes", List.of(1, 2, 3), "advertiserCount", 4));
        record(by, "bulk_operation.approved", "bulk_operation", Map.of("kind", "PAUSE", "level", "AD",
                "itemCount", 150, "comment", "ok for the weekend"));
        record(by, "bulk_policy.changed", "workspace", Map.of("before", Map.of("approval", "ALWAYS"),
                "after", Map.of("approval", "NEVER")));
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(AuditQuery.of(OrganizationId.of(org))
                .withAction("workspace.created")).items().size() == 1);
    }

    private void record(Actor by, String action, String targetType, Map<String, Object> details) {
        auditLog.record(new AuditEntry(action, by, targetType, "1", OrganizationId.of(org),
                new WorkspaceId(UUID.fromString(ws)), null, details, null));
    }

    private String page(String query) {
        return Tenants.expect(owner.api().get("/organizations/" + org + "/audit" + query), 200).body();
    }

    @Test
    void detailsReadAsWordsPerActionNotAsAMapDump() {
        String page = page("");
        assertThat(page).contains("Connected with 3 permission scopes for 4 advertisers")
                .contains("Pause · 150 ads").contains("ok for the weekend")
                .contains("Approval: Always → Never")
                .contains(">Connection connected<").contains(">Workspace created<")
                .doesNotContain("{scopes=").doesNotContain("advertiserCount=");
    }

    @Test
    void actionAndActorAreControlsAndBadValuesAreAnsweredNextToThem() {
        String page = page("");
        assertThat(page).contains("<option value=\"connection.connected\">Connection connected</option>")
                .contains(" (" + owner.email() + ")</option>");      // the name, then the address
        assertThat(page("?action=connection.connected")).contains("Connected with 3 permission scopes")
                .doesNotContain("Pause · 150 ads");
        assertThat(page("?actor=" + owner.id())).contains("Pause · 150 ads");
        assertThat(page("?actor=" + analyst.id())).as("the analyst only accepted the invitation")
                .contains(">Invitation accepted<").doesNotContain("Pause · 150 ads");
        assertThat(page("?actor=" + analyst.id() + "&action=connection.connected"))
                .contains("No events match these filters.");

        for (var bad : Map.of("?action=made.up", "action-error", "?actor=nobody", "actor-error",
                "?from=yesterday", "from-error", "?workspaceId=x", "workspaceId-error").entrySet()) {
            String answer = page(bad.getKey());
            assertThat(answer).as(bad.getKey()).contains("class=\"field-error\" id=\"" + bad.getValue() + "\"")
                    .doesNotContain("No events match these filters.").doesNotContain("id=\"audit-csv\"");
        }
    }

    @Test
    void theWorkspaceFilterIsADropdownOfNamesAndUnknownValuesAreAnsweredNextToTheirControl() {
        String page = page("");
        assertThat(page).contains("<select name=\"workspaceId\" id=\"filter-workspace\"")
                .contains("<option value=\"" + ws + "\">Audit Page Brand</option>")
                .doesNotContain("name=\"workspaceId\" value=")                      // no free-text id box
                .contains(">Audit Page Brand</td>")                                  // events name their workspace
                .contains("<span>Bulk operation</span>");                            // targets in words, ids below
        assertThat(page("?workspaceId=" + ws)).contains("<option value=\"" + ws + "\" selected=\"selected\">")
                .contains("Pause · 150 ads").doesNotContain("id=\"workspaceId-error\"");

        String stranger = UUID.randomUUID().toString();
        for (var bad : Map.of("?workspaceId=" + stranger, "workspaceId-error", "?actor=" + stranger, "actor-error")
                .entrySet()) {
            String answer = page(bad.getKey());
            assertThat(answer).as(bad.getKey()).contains("class=\"field-error\" id=\"" + bad.getValue() + "\"")
                    .contains("aria-describedby=\"" + bad.getValue() + "\"")
                    .doesNotContain("No events match these filters.").doesNotContain("id=\"audit-csv\"");
        }
        assertThat(page("?workspaceId=" + stranger)).contains("is not one of the workspaces you can see in this log");
    }

    @Test
    void theCsvLinkCarriesOnlyTheFiltersSetAndDownloads() {
        for (String query : List.of("", "?action=&workspaceId=&actor=", "?action=bulk_policy.changed&actor="
                + owner.id())) {
            Matcher csv = Pattern.compile("id=\"audit-csv\"\\s+href=\"([^\"]+)\"").matcher(page(query));
            assertThat(csv.find()).as(query).isTrue();
            String href = csv.group(1).replace("&amp;", "&");
            assertThat(href).doesNotContain("workspaceId=").doesNotContain("action=&").doesNotContain("=&")
                    .doesNotEndWith("=");
            var download = owner.api().get(href);
            assertThat(download.status()).as(href).isEqualTo(200);
            assertThat(download.header("Content-Type").orElse("")).startsWith("text/csv");
        }
    }

    @Test
    void theAuditLogLinkIsNotShownToAMemberWhoMayNotOpenIt() {
        String orgPage = Tenants.expect(analyst.api().get("/organizations/" + org), 200).body();
        assertThat(orgPage).doesNotContain("id=\"audit-log\"");
        String wsPage = Tenants.expect(analyst.api().get("/workspaces/" + ws), 200).body();
        assertThat(wsPage).doesNotContain("id=\"menu-audit-log\"");
        assertThat(analyst.api().get("/organizations/" + org + "/audit").status()).isIn(403, 404);

        assertThat(Tenants.expect(owner.api().get("/organizations/" + org), 200).body()).contains("id=\"audit-log\"");
        assertThat(Tenants.expect(owner.api().get("/workspaces/" + ws), 200).body()).contains("id=\"menu-audit-log\"");
    }
}
