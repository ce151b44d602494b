package com.tttools.app.home;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The home's "Pending approvals" (only for those who may approve: what the change set does, who planned it, when,
 * a link) and "Recent alerts" (rule, entity name, when, a link), each with an empty state in words.
 */
class HomeInboxIT extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApproverSeesTheChangeSetsWaitingForThemAndEveryoneWhoReadsReportsSeesRecentAlerts() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("inbox-owner");
        String org = tenants.createOrganization(owner, "Inbox Agency");
        String ws = tenants.createWorkspace(owner, org, "Inbox Brand");
        Tenants.User operator = tenants.member(owner, org, "inbox-operator", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "OPERATOR")));
        String overview = "/workspaces/" + ws + "/home/overview";

        String empty = expect(owner.api().get(overview, "HX-Request", "true"), 200).body();
        assertThat(between(empty, "id=\"pending-approvals\"", "</section>"))
                .contains("No change set is waiting for your approval.");
        assertThat(between(empty, "id=\"recent-alerts\"", "</section>")).contains("No alert has fired.");

        // a change set planned by the operator waits for an admin's approval (the default policy)
        syncedAssets(WorkspaceId.of(ws), List.of(simulator().advertiserIds().get(0)));
        JsonNode ads = expect(owner.api().get("/api/v1/workspaces/" + ws + "/ads?limit=50"), 200).json().path("items");
        List<String> targets = StreamSupport.stream(ads.spliterator(), false)
                .filter(ad -> !ad.path("removed").asBoolean()).limit(2).map(ad -> ad.path("tiktokId").asString())
                .toList();
        assertThat(targets).hasSize(2);
        JsonNode plan = expect(operator.api().post("/api/v1/workspaces/" + ws + "/bulk-operations",
                Map.of("action", "PAUSE", "level", "AD", "targets", targets)), 201).json();
        assertThat(plan.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        String changeSet = plan.path("id").asString();

        // an alert fired for a campaign (the evaluator's own tests cover firing; here only what the home shows)
        String rule = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", Map.of("name",
                "Spend above 100", "kind", "SPEND_TODAY", "level", "CAMPAIGN", "threshold", "100",
                "cooldownMinutes", 60)), 201).json().path("id").asString();
        Instant firedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                        INSERT INTO alert_firings (id, workspace_id, rule_id, entity_id, entity_name, advertiser_id,
                            dedup_key, value, message, fired_at)
                        VALUES (:id, :ws, :rule, '1800000000000001', 'Winter Sale', :adv, 'k', 150, 'Spend 150 today', :at)
                        """)
                .param("id", UUID.randomUUID()).param("ws", UUID.fromString(ws)).param("rule", UUID.fromString(rule))
                .param("adv", simulator().advertiserIds().get(0)).param("at", Timestamp.from(firedAt)).update();

        String home = expect(owner.api().get(overview, "HX-Request", "true"), 200).body();
        String approvals = between(home, "id=\"pending-approvals\"", "</section>");
        assertThat(approvals).as("what, by whom (name, not id), when (local time), where to decide")
                .contains("id=\"approval-" + changeSet + "\"").contains("Pause 2 ads")
                .contains("Test " + operator.email().substring(0, operator.email().indexOf('@')))
                .doesNotContain(operator.id())
                .contains("href=\"/workspaces/" + ws + "/bulk-operations/" + changeSet + "\"")
                .containsPattern("<time data-local datetime=\"[0-9T:.-]+Z\"")
                .doesNotContain("No change set is waiting");
        String alerts = between(home, "id=\"recent-alerts\"", "</section>");
        assertThat(alerts).contains("Winter Sale").contains("Spend above 100").contains("5 min ago")
                .contains("datetime=\"" + firedAt + "\"").contains("href=\"/workspaces/" + ws + "/alerts\"")
                .doesNotContain("No alert has fired");

        String operatorHome = expect(operator.api().get(overview, "HX-Request", "true"), 200).body();
        assertThat(operatorHome).as("an operator may not approve: no approvals panel")
                .doesNotContain("id=\"pending-approvals\"").contains("id=\"recent-alerts\"");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }
}
