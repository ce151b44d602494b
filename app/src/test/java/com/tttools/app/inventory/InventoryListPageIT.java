package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.InventoryRows;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign / ad group / ad lists as a media buyer reads them: the Ads-Manager columns for a period, entities
 * without delivery listed with zeros, locale-aware numbers, sorting by a metric, filters as controls with bad values
 * answered next to the control, checkboxes only for roles that may plan, and a statement count that does not grow
 * with the rows.
 */
class InventoryListPageIT extends IntegrationTest {

    private static final String ADVERTISER = "7100000000000000001";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    private Tenants.User owner;
    private Tenants.User analyst;
    private String ws;
    private InventoryRows rows;

    @BeforeEach
    void workspaceWithTwoCampaigns() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace workspace = tenants.ownedWorkspace("list", "List");
        owner = workspace.owner();
        ws = workspace.id();
        analyst = tenants.analyst(workspace, "list");
        rows = new InventoryRows(jdbc, ws, ADVERTISER);
        entity("ADVERTISER", ADVERTISER, "Acme Shoes", "ADVERTISER_STATUS_ENABLE", null,
                "{\"currency\": \"USD\", \"timezone\": \"UTC\"}");
        entity("CAMPAIGN", "7200000000000000001", "Spring sale", "CAMPAIGN_STATUS_ENABLE", "TRAFFIC",
                "{\"budget\": 50, \"budget_mode\": \"BUDGET_MODE_DAY\", \"operation_status\": \"ENABLE\"}");
        entity("CAMPAIGN", "7200000000000000002", "Quiet one", "CAMPAIGN_STATUS_DISABLE", "CONVERSIONS",
                "{\"budget\": 0, \"budget_mode\": \"BUDGET_MODE_INFINITE\", \"operation_status\": \"DISABLE\"}");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        fact("7200000000000000001", yesterday, "1000.50", 80_000, 1_200, 20);
        fact("7200000000000000001", yesterday.minusDays(2), "234.00", 20_000, 300, 10);
        fact("7200000000000000001", yesterday.minusDays(20), "9999.00", 1, 1, 1);   // outside the last 7 days
    }

    @Test
    void campaignsShowTheAdsManagerColumnsForTheLastSevenDaysWithZerosForNoDeliveryAndLocaleNumbers() {
        String page = list("", "en-US");
        assertThat(page).as("the list and its tabs are named in words, not by their API collection")
                .contains(">Campaigns</h1>").contains(">Ad groups</a>").contains(">TikTok accounts</a>")
                .doesNotContain(">campaigns<").doesNotContain(">ad-groups<").doesNotContain(">business-centers<");
        assertThat(Tenants.expect(owner.api().get("/workspaces/" + ws + "/inventory"), 200).body())
                .contains(">Business centers</a>").doesNotContain(">business-centers<");
        String drilled = Tenants.expect(owner.api().get("/workspaces/" + ws
                + "/inventory/ad-groups?campaignId=7200000000000000001"), 200).body();
        String drill = drilled.substring(drilled.indexOf("id=\"drill-campaign\""));
        assertThat(drill.substring(0, drill.indexOf("</p>"))).as("the campaign drilled into, by its name")
                .contains("Spring sale").contains("open the campaign").doesNotContain("<strong>7200000000000000001<");
        assertThat(page).contains("Last 7 days").contains("id=\"sort-spend\"").contains(">CTR<").contains(">CPA<");
        String sale = row(page, "7200000000000000001");
        assertThat(sale).contains("Spring sale").contains("Acme Shoes").contains(">Active<")
                .contains("$50.00 / day")
                .contains(">$1,234.50<")      // spend of the two days inside the period, with separators
                .contains(">100,000<")        // impressions
                .contains(">1,500<")          // clicks
                .contains(">1.50%<")          // CTR = 1,500 / 100,000
                .contains(">$0.82<")          // CPC = 1,234.50 / 1,500
                .contains(">30<")             // conversions
                .contains(">$41.15<")         // CPA = 1,234.50 / 30
                .contains("/inventory/campaigns/");   // the row links to its detail page
        String quiet = row(page, "7200000000000000002");
        assertThat(quiet).as("a campaign without delivery is still listed, with zeros")
                .contains("Quiet one").contains(">Paused<").contains("No limit").contains(">$0.00<").contains(">0<")
                .contains(">—<");

        String german = row(list("", "de-DE"), "7200000000000000001");
        assertThat(german).contains("1.234,50").contains("100.000");

        String today = list("&period=today", "en-US");
        assertThat(today).contains("Today (partial, so far)").contains("its figures are partial");
        assertThat(row(today, "7200000000000000001")).contains(">$0.00<");
    }

    @Test
    void sortingBySpendRanksDeliveryAndKeepsTheQuietCampaigns() {
        String high = list("&sort=-spend", "en-US");
        assertThat(high.indexOf("Spring sale")).isLessThan(high.indexOf("Quiet one"));
        String low = list("&sort=spend", "en-US");
        assertThat(low.indexOf("Quiet one")).isPositive().isLessThan(low.indexOf("Spring sale"));
        String byName = list("&sort=name", "en-US");
        assertThat(byName.indexOf("Quiet one")).isLessThan(byName.indexOf("Spring sale"));
    }

    @Test
    void filtersAreControlsAndBadValuesAreAnsweredNextToTheControlNotWithAnEmptyList() {
        entity("CAMPAIGN", "7200000000000000003", "Gone", "CAMPAIGN_STATUS_DELETE", null, "{}");
        entity("CAMPAIGN", "7200000000000000004", "Gone too", "CAMPAIGN_STATUS_ADVERTISER_DELETE", null, "{}");
        String page = list("", "en-US");
        assertThat(page).as("statuses reading the same are told apart")
                .contains(">Deleted (delete)</option>").contains(">Deleted (advertiser delete)</option>")
                .contains("<option value=\"CAMPAIGN_STATUS_ENABLE\">Active</option>");
        assertThat(page).contains("<option value=\"" + ADVERTISER + "\">Acme Shoes</option>")
                .contains("name=\"status\" id=\"filter-status\" multiple")
                .contains("<option value=\"TRAFFIC\">Traffic</option>");

        String two = list("&status=CAMPAIGN_STATUS_ENABLE&status=CAMPAIGN_STATUS_DISABLE", "en-US");
        assertThat(two).contains("Spring sale").contains("Quiet one");
        String one = list("&status=CAMPAIGN_STATUS_DISABLE", "en-US");
        assertThat(one).contains("Quiet one").doesNotContain("Spring sale");
        assertThat(list("&objective=TRAFFIC&advertiserId=" + ADVERTISER, "en-US"))
                .contains("Spring sale").doesNotContain("Quiet one");

        for (var bad : Map.of("&advertiserId=abc", "advertiserId-error", "&advertiserId=7999", "advertiserId-error",
                "&status=enabled", "status-error", "&status=AD_STATUS_DELIVERY_OK", "status-error",
                "&objective=NOPE", "objective-error").entrySet()) {
            String answer = list(bad.getKey(), "en-US");
            assertThat(answer).as(bad.getKey()).contains("class=\"field-error\" id=\"" + bad.getValue() + "\"")
                    .doesNotContain("id=\"inventory-total\"").doesNotContain("No TikTok assets yet");
        }
        String badPeriod = list("&period=forever", "en-US");
        assertThat(badPeriod).contains("id=\"period-error\"").contains("Spring sale").contains("Last 7 days");
    }

    @Test
    void onlyRolesThatMayPlanSeeTheCheckboxesWhichPostToTheBulkPlan() {
        String ownerPage = list("", "en-US");
        assertThat(ownerPage).contains("id=\"bulk-form\"").contains("name=\"ids\"")
                .contains("value=\"7200000000000000001\"").contains("id=\"select-all-matching\"")
                .contains("/bulk-operations\"");
        String analystPage = Tenants.expect(analyst.api().get("/workspaces/" + ws + "/inventory/campaigns"), 200)
                .body();
        assertThat(analystPage).contains("Spring sale").doesNotContain("name=\"ids\"").doesNotContain("bulk-form");
        assertThat(list("&objective=TRAFFIC", "en-US")).as("the bulk filter cannot carry an objective")
                .doesNotContain("id=\"select-all-matching\"").contains("id=\"select-all-unavailable\"");
    }

    @Test
    void theStatementCountOfAListPageDoesNotGrowWithItsRows() {
        int few = warmed("&sort=-spend");
        for (int i = 0; i < 30; i++) {
            String id = "72000000000000001" + String.format("%02d", i);
            entity("CAMPAIGN", id, "Bulk " + i, "CAMPAIGN_STATUS_ENABLE", "TRAFFIC", "{\"budget\": 20}");
            fact(id, LocalDate.now(ZoneOffset.UTC).minusDays(1), "1." + i, 10, 1, 0);
        }
        int many = warmed("&sort=-spend");
        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(20);
        assertThat(warmed("&sort=name")).isLessThan(many);
    }

    /** The count of a second view in a row: the first may fill the layout's short-lived membership cache. */
    private int warmed(String query) {
        statements(query);
        return statements(query);
    }

    @Test
    void pagingBySpendVisitsEveryCampaignOnceInSpendOrderAndThenTheQuietOnes() {
        for (int i = 0; i < 60; i++) {
            String id = "72000000000000002" + String.format("%02d", i);
            entity("CAMPAIGN", id, "Paged " + i, "CAMPAIGN_STATUS_ENABLE", "TRAFFIC", "{\"budget\": 20}");
            if (i % 2 == 0) {   // every other one delivered: spend i + 1
                fact(id, LocalDate.now(ZoneOffset.UTC).minusDays(1), (i + 1) + ".00", 10, 1, 0);
            }
        }
        List<String> seen = new java.util.ArrayList<>();
        String next = "/workspaces/" + ws + "/inventory/campaigns?sort=-spend";
        int pages = 0;
        while (next != null) {
            String page = Tenants.expect(owner.api().get(next, "Accept-Language", "en-US"), 200).body();
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("data-tiktok-id=\"(\\d+)\"").matcher(page);
            while (row.find()) {
                seen.add(row.group(1));
            }
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"")
                    .matcher(page);
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(62).doesNotHaveDuplicates();
        assertThat(seen.get(0)).as("the largest spend first (1,234.50)").isEqualTo("7200000000000000001");
        assertThat(seen.subList(1, 31)).as("then the delivered ones by spend, high to low")
                .isEqualTo(java.util.stream.IntStream.iterate(58, i -> i >= 0, i -> i - 2)
                        .mapToObj(i -> "72000000000000002" + String.format("%02d", i)).toList());
        assertThat(seen.subList(31, 62)).as("then every campaign without delivery")
                .contains("7200000000000000002", "7200000000000000201", "7200000000000000259");
    }

    private int statements(String query) {
        Tenants.expect(owner.api().get("/workspaces/" + ws + "/inventory/campaigns?x=1" + query,
                StatementCounter.HEADER, "1"), 200);
        return StatementCounter.lastRequest().size();
    }

    private String list(String query, String language) {
        return Tenants.expect(owner.api().get("/workspaces/" + ws + "/inventory/campaigns?x=1" + query,
                "Accept-Language", language), 200).body();
    }

    /** The table row of the entity with this TikTok id. */
    private static String row(String page, String tiktokId) {
        int at = page.indexOf("data-tiktok-id=\"" + tiktokId + "\"");
        assertThat(at).as("row of %s", tiktokId).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private void entity(String kind, String tiktokId, String name, String status, String objective, String fields) {
        rows.add(kind, tiktokId).name(name).status(status).objective(objective).fields(fields).insert();
    }

    private void fact(String campaign, LocalDate day, String spend, long impressions, long clicks, long conversions) {
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                            entity_name, currency, spend, impressions, clicks, conversions, pulled_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :day, :adv, :c, 'x', 'USD', :spend, :imp, :clicks, :conv, now())""")
                .param("ws", UUID.fromString(ws)).param("c", campaign).param("day", day).param("adv", ADVERTISER)
                .param("spend", new BigDecimal(spend)).param("imp", impressions).param("clicks", clicks)
                .param("conv", conversions).update();
    }
}
