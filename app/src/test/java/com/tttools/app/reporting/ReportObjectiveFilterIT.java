package com.tttools.app.reporting;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The report's objective filter: a dropdown of the objectives the workspace's campaigns have, in words; the rows,
 * totals and the API keep only what is under campaigns of that objective; a bad value is answered next to the
 * control (422), never with an empty report.
 */
class ReportObjectiveFilterIT extends IntegrationTest {

    private static final String ADVERTISER = "7000000000000000042";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void theObjectiveDropdownFiltersTheReportAndABadValueIsAnsweredNextToIt() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("objective-owner");
        String org = tenants.createOrganization(owner, "Objective Agency");
        String ws = tenants.createWorkspace(owner, org, "Objective Brand");
        UUID workspace = UUID.fromString(ws);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        jdbc.sql("""
                        INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                        VALUES (:ws, :adv, 'Brand', 'USD', 'UTC', now())
                        """).param("ws", workspace).param("adv", ADVERTISER).update();
        campaign(workspace, "1800000000000101", "Summer Traffic Push", "TRAFFIC", day, "120.50");
        campaign(workspace, "1800000000000102", "Winter Leads Drive", "LEAD_GENERATION", day, "80.00");
        String page = "/workspaces/" + ws + "/reports?from=" + day.minusDays(1) + "&to=" + day;

        String plain = expect(owner.api().get(page), 200).body();
        String control = between(plain, "id=\"report-objective\"", "</select>");
        assertThat(control).as("the objectives campaigns here have, in words")
                .contains("<option value=\"TRAFFIC\">Traffic</option>")
                .contains("<option value=\"LEAD_GENERATION\">Lead generation</option>")
                .contains("Any objective");

        String filtered = expect(owner.api().get(page.replace("/reports?", "/reports/sections?") + "&objective=TRAFFIC"),
                200).body();
        assertThat(filtered).contains("Summer Traffic Push").doesNotContain("Winter Leads Drive")
                .contains("<option value=\"TRAFFIC\" selected=\"selected\">Traffic</option>");
        JsonNode api = expect(owner.api().get("/api/v1/workspaces/" + ws + "/reports?level=CAMPAIGN&groupBy=entity&from="
                + day + "&to=" + day + "&metrics=spend&objective=LEAD_GENERATION"), 200).json();
        assertThat(api.path("rows")).singleElement()
                .satisfies(row -> assertThat(row.path("entity").path("tiktokId").asString()).isEqualTo("1800000000000102"));
        assertThat(api.path("totals").path("USD").path("spend").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(expect(owner.api().get("/api/v1/workspaces/" + ws + "/reports?level=ADVERTISER&from=" + day + "&to="
                + day + "&objective=TRAFFIC"), 422).json().path("errors").findValuesAsString("field"))
                .containsExactly("objective");

        String unknown = expect(owner.api().get(page + "&objective=APP_PROMOTION"), 422).body();
        assertThat(between(unknown, "id=\"report-objective\"", "</label>"))
                .contains("id=\"report-objective-error\"").contains("is not an objective any campaign here has");
        String malformed = expect(owner.api().get(page + "&objective=traffic%3B"), 422).body();
        assertThat(between(malformed, "id=\"report-objective\"", "</label>"))
                .contains("is not a TikTok objective type");
    }

    private void campaign(UUID workspace, String id, String name, String objective, LocalDate day, String spend) {
        jdbc.sql("""
                        INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, objective,
                            fields, connection_id, synced_at, updated_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :adv, :name, 'CAMPAIGN_STATUS_ENABLE', :objective,
                            jsonb_build_object('operation_status', 'ENABLE', 'objective_type', :objective),
                            :connection, now(), now())
                        """)
                .param("ws", workspace).param("c", id).param("adv", ADVERTISER).param("name", name)
                .param("objective", objective).param("connection", UUID.randomUUID()).update();
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                            entity_name, currency, spend, impressions, clicks, conversions, pulled_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :day, :adv, :c, :name, 'USD', :spend, 1000, 10, 1, now())
                        """)
                .param("ws", workspace).param("c", id).param("day", day).param("adv", ADVERTISER).param("name", name)
                .param("spend", new BigDecimal(spend)).update();
        com.tttools.app.reporting.internal.RollupsForTests.rollUp(jdbc, workspace, day, day);
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }
}
