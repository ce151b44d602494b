package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.InventoryRows;
import com.tttools.app.support.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The report table lists the entities that had no delivery in the period with zeros, as Ads Manager does, under the
 * same filters as the rest; deleted ones only when asked for; totals unchanged.
 */
class ReportNoDeliveryIT extends IntegrationTest {

    private static final String ADVERTISER = "7100000000000000777";
    private static final String SECOND_ADVERTISER = "7100000000000000780";
    private static final String SPENDING = "7200000000000000771";
    private static final String QUIET = "7200000000000000772";
    private static final String DELETED = "7200000000000000773";
    private static final String OTHER_ADVERTISER_CAMPAIGN = "7200000000000000774";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    private Tenants.User owner;
    private String ws;
    private InventoryRows rows;
    private LocalDate from;
    private LocalDate to;

    @BeforeEach
    void workspaceWithACampaignThatSpentAndOneThatDidNot() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace workspace = tenants.ownedWorkspace("nodelivery", "No Delivery");
        owner = workspace.owner();
        ws = workspace.id();
        rows = new InventoryRows(jdbc, ws, ADVERTISER);
        entity("ADVERTISER", ADVERTISER, ADVERTISER, "Acme Shoes", "STATUS_ENABLE");
        entity("CAMPAIGN", SPENDING, ADVERTISER, "Spring sale", "CAMPAIGN_STATUS_ENABLE");
        entity("CAMPAIGN", QUIET, ADVERTISER, "Quiet one", "CAMPAIGN_STATUS_DISABLE");
        entity("CAMPAIGN", DELETED, ADVERTISER, "Gone quiet", "CAMPAIGN_STATUS_DELETE");
        jdbc.sql("UPDATE inventory_entities SET removed_at = now() WHERE workspace_id = :ws AND tiktok_id = :id")
                .param("ws", UUID.fromString(ws)).param("id", DELETED).update();
        // a campaign of an advertiser the report sync has never seen: no currency, not a report row
        entity("CAMPAIGN", OTHER_ADVERTISER_CAMPAIGN, "7100000000000000778", "Elsewhere", "CAMPAIGN_STATUS_ENABLE");
        jdbc.sql("""
                        INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                        VALUES (:ws, :adv, 'Acme Shoes', 'USD', 'UTC', now())""")
                .param("ws", UUID.fromString(ws)).param("adv", ADVERTISER).update();
        to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        from = to.minusDays(6);
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                            entity_name, currency, spend, impressions, clicks, conversions, pulled_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :day, :adv, :c, 'Spring sale', 'USD', 12.34, 1000, 10, 1, now())""")
                .param("ws", UUID.fromString(ws)).param("c", SPENDING).param("day", to).param("adv", ADVERTISER).update();
        com.tttools.app.reporting.internal.RollupsForTests.rollUp(jdbc, UUID.fromString(ws), to, to);
    }

    @Test
    void aCampaignWithoutDeliveryIsARowOfZerosAndTotalsAreUnchanged() {
        JsonNode body = report("");
        assertThat(ids(body)).containsExactly(SPENDING, QUIET);       // sorted by spend, the zeros last
        JsonNode quiet = row(body, QUIET);
        assertThat(quiet.get("entity").get("name").asString()).isEqualTo("Quiet one");
        assertThat(quiet.get("entity").get("status").asString()).isEqualTo("CAMPAIGN_STATUS_DISABLE");
        assertThat(quiet.get("currency").asString()).isEqualTo("USD");
        assertThat(quiet.get("advertiserId").asString()).isEqualTo(ADVERTISER);
        assertThat(quiet.get("metrics").get("spend").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(quiet.get("metrics").get("impressions").asLong()).isZero();
        assertThat(body.get("totals").get("USD").get("spend").decimalValue()).isEqualByComparingTo("12.34");
    }

    @Test
    void filtersApplyToTheRowsOfZerosToo() {
        assertThat(ids(report("&status=CAMPAIGN_STATUS_ENABLE"))).containsExactly(SPENDING);
        assertThat(ids(report("&status=CAMPAIGN_STATUS_DISABLE"))).containsExactly(QUIET);
        assertThat(ids(report("&status=REMOVED"))).as("deleted ones only when asked for").containsExactly(DELETED);
        assertThat(ids(report("&q=quiet"))).containsExactly(QUIET);
        assertThat(ids(report("&campaignId=" + QUIET))).containsExactly(QUIET);
        assertThat(ids(report("&advertiserId=7100000000000000779"))).isEmpty();
    }

    @Test
    void theReportPageTableListsTheCampaignWithoutDelivery() {
        String page = Tenants.expect(owner.api().get("/workspaces/" + ws + "/reports/sections?part=entities&level=CAMPAIGN"
                + "&preset=custom&from=" + from + "&to=" + to), 200).body();
        assertThat(page).contains("id=\"report-entities\"").contains("Spring sale").contains("Quiet one")
                .doesNotContain("Gone quiet").doesNotContain("Elsewhere");
    }

    @Test
    void statusIsADropdownAdvertisersAPickerInWordsAndValuesNotOfferedAreAnsweredNextToThem() {
        String base = "/workspaces/" + ws + "/reports?level=CAMPAIGN&preset=custom&from=" + from + "&to=" + to;
        String page = Tenants.expect(owner.api().get(base), 200).body();
        assertThat(page).contains("<select name=\"status\" id=\"report-status\"")
                .contains("<option value=\"CAMPAIGN_STATUS_DISABLE\">Paused</option>")
                .contains("<option value=\"REMOVED\">Deleted (removed from TikTok)</option>")
                .contains("<option value=\"CAMPAIGN\" selected=\"selected\">Campaigns</option>");

        assertThat(page).contains("<details class=\"picker\" id=\"advertiser-picker\"").contains("Advertisers <span class=\"muted\">(all)</span>")
                .contains("<input type=\"checkbox\" name=\"advertiserId\" value=\"" + ADVERTISER + "\"")
                .doesNotContainPattern("value=\"" + ADVERTISER + "\"[^>]*checked");

        // several advertisers at once: ticked boxes, and a view saved from the page keeps every one of them
        jdbc.sql("""
                        INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                        VALUES (:ws, :adv, 'Beta Bags', 'USD', 'UTC', now())""")
                .param("ws", UUID.fromString(ws)).param("adv", SECOND_ADVERTISER).update();
        String both = Tenants.expect(owner.api().get(base + "&advertiserId=" + ADVERTISER + "&advertiserId="
                + SECOND_ADVERTISER), 200).body();
        assertThat(both).contains("Advertisers <span class=\"muted\">(2 of 2)</span>")
                .containsPattern("value=\"" + ADVERTISER + "\"[^>]*checked=\"checked\"")
                .containsPattern("value=\"" + SECOND_ADVERTISER + "\"[^>]*checked=\"checked\"").contains(">Beta Bags</span>")
                .doesNotContain("type=\"hidden\" name=\"advertiserId\"");
        String viewQuery = org.springframework.web.util.HtmlUtils.htmlUnescape(both.replaceAll(
                "(?s).*<input type=\"hidden\" name=\"query\" value=\"([^\"]*)\".*", "$1"));
        assertThat(viewQuery).contains("\"advertiserId\":[\"" + ADVERTISER + "\",\"" + SECOND_ADVERTISER + "\"]");
        Tenants.expect(owner.api().postForm("/workspaces/" + ws + "/reports/views", "name=Both&visibility=PRIVATE&query="
                + java.net.URLEncoder.encode(viewQuery, java.nio.charset.StandardCharsets.UTF_8), true, "Accept",
                "text/html"), 302);
        String saved = Tenants.expect(owner.api().get(base), 200).body();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(saved.replaceAll("(?s).*<a href=\"([^\"]*)\">Both</a>.*", "$1")))
                .contains("advertiserId=" + ADVERTISER).contains("advertiserId=" + SECOND_ADVERTISER);

        var stranger = owner.api().get(base + "&advertiserId=7100000000000000779");
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.body()).contains("id=\"report-advertiser-error\"")
                .contains("is not an advertiser this workspace reports on").doesNotContain("No data for this period yet")
                .contains("<details class=\"picker\" id=\"advertiser-picker\" open=\"open\">")
                .contains("7100000000000000779 (not reported here)");

        assertThat(page).contains(">Today (partial, so far)</option>").doesNotContain("id=\"report-partial\"");
        assertThat(Tenants.expect(owner.api().get("/workspaces/" + ws + "/reports?level=CAMPAIGN&preset=today"), 200)
                .body()).contains("id=\"report-partial\"").contains("Today is not over");

        var unknown = owner.api().get(base + "&status=CAMPAIGN_STATUS_FROZEN");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"report-status-error\"").contains("is not a status any campaign here has")
                .contains("aria-describedby=\"report-status-error\"").doesNotContain("No data for this period yet");

        String table = Tenants.expect(owner.api().get("/workspaces/" + ws + "/reports/sections?part=entities"
                + "&level=CAMPAIGN&preset=custom&from=" + from + "&to=" + to), 200).body();
        assertThat(table.substring(table.indexOf("id=\"report-entities\""))).contains(">Paused</span>")
                .contains(">Active</span>").doesNotContain(">CAMPAIGN_STATUS_DISABLE<");
    }

    private JsonNode report(String filters) {
        return Tenants.expect(owner.api().get("/api/v1/workspaces/" + ws + "/reports?level=CAMPAIGN&groupBy=entity"
                + "&metrics=spend,impressions,clicks&from=" + from + "&to=" + to + filters), 200).json();
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("rows").forEach(r -> ids.add(r.get("entity").get("tiktokId").asString()));
        return ids;
    }

    private static JsonNode row(JsonNode body, String tiktokId) {
        for (JsonNode r : body.get("rows")) {
            if (r.get("entity").get("tiktokId").asString().equals(tiktokId)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + tiktokId + " in " + body);
    }

    private void entity(String kind, String tiktokId, String advertiser, String name, String status) {
        rows.add(kind, tiktokId).advertiser(advertiser).name(name).status(status).insert();
    }
}
