package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.InventoryRows;
import com.tttools.app.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaign, ad group and ad detail pages as a media buyer reads them: labels and values in words instead of
 * TikTok's enums, budgets with the advertiser's currency and separators, TikTok's times in the workspace's
 * timezone, parents by name with a link; TikTok's raw fields only in the admins' "Raw" disclosure.
 */
class InventoryDetailPageIT extends IntegrationTest {

    private static final String ADVERTISER = "7100000000000000901";
    private static final String CAMPAIGN = "7200000000000000901";
    private static final String AD_GROUP = "7300000000000000901";
    private static final String AD = "7400000000000000901";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    private Tenants.User owner;
    private Tenants.User analyst;
    private String ws;

    @BeforeEach
    void workspaceWithACampaignAnAdGroupAndAnAd() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace workspace = tenants.ownedWorkspace("detail", "Detail");   // Europe/Berlin
        owner = workspace.owner();
        ws = workspace.id();
        analyst = tenants.analyst(workspace, "detail");
        InventoryRows rows = new InventoryRows(jdbc, ws, ADVERTISER);
        rows.add("ADVERTISER", ADVERTISER).name("Acme Shoes").status("STATUS_ENABLE")
                .fields("{\"currency\": \"USD\", \"timezone\": \"UTC\"}").insert();
        rows.add("CAMPAIGN", CAMPAIGN).name("Spring sale").status("CAMPAIGN_STATUS_ENABLE").fields("""
                {"objective_type": "APP_PROMOTION", "budget": 12345.5, "budget_mode": "BUDGET_MODE_DAY",
                 "operation_status": "ENABLE", "create_time": "2026-11-20 08:00:00"}""").insert();
        rows.add("AD_GROUP", AD_GROUP).under(CAMPAIGN, CAMPAIGN).name("Young shoppers")
                .status("ADGROUP_STATUS_DELIVERY_OK").fields("""
                {"budget": 2500, "budget_mode": "BUDGET_MODE_TOTAL", "bid_type": "BID_TYPE_NO_BID",
                 "optimization_goal": "CLICK", "billing_event": "CPC", "schedule_type": "SCHEDULE_START_END",
                 "schedule_start_time": "2026-12-01 23:30:00", "schedule_end_time": "2026-12-31 23:00:00",
                 "placement_type": "PLACEMENT_TYPE_NORMAL", "placements": ["PLACEMENT_TIKTOK", "PLACEMENT_PANGLE"],
                 "operation_status": "DISABLE"}""").insert();
        rows.add("AD", AD).under(AD_GROUP, CAMPAIGN).name("Sneaker video").status("AD_STATUS_DELIVERY_OK").fields("""
                {"ad_format": "SINGLE_VIDEO", "call_to_action": "LEARN_MORE", "ad_text": "Run FAST_AND_FAR",
                 "landing_page_url": "https://shoes.example/sale", "operation_status": "ENABLE"}""").insert();
    }

    @Test
    void aCampaignShowsItsObjectiveAndBudgetInWordsAndItsCreationInTheWorkspacesTimezone() {
        String page = detail(owner, "campaigns", CAMPAIGN);
        assertThat(page).contains("<dt>Objective</dt>").contains(">App promotion<")
                .contains("<dt>Budget</dt>").contains(">$12,345.50 / day<")
                .contains("<dt>Switched</dt>").contains(">On<")
                .contains("Nov 20, 2026, 09:00 (Europe/Berlin)")   // 08:00 UTC at TikTok
                .contains("id=\"raw-fields\"");                   // the owner is an admin
        assertThat(settings(page)).doesNotContain("APP_PROMOTION").doesNotContain("BUDGET_MODE").doesNotContain("12345.5")
                .doesNotContain("Budget mode").doesNotContain("Objective type").doesNotContain("2026-11-20 08:00:00");
    }

    @Test
    void anAdGroupShowsBiddingPlacementsAndScheduleInWords() {
        String page = detail(owner, "ad-groups", AD_GROUP);
        assertThat(page).contains(">$2,500.00 in total<").contains(">Lowest cost<").contains(">Clicks<")
                .contains(">Click (CPC)<").contains(">Selected placements<").contains(">TikTok, Pangle<").contains(">Off<")
                .contains("Dec 2, 2026, 00:30 (Europe/Berlin)")   // the start, 23:30 UTC the day before
                .contains("Jan 1, 2027, 00:00 (Europe/Berlin)")     // the end, 23:00 UTC on Dec 31
                .contains("<h2 id=\"group-settings-0\">Delivery</h2>").contains(">Budget and bidding<").contains(">Schedule<")
                .contains(">Spring sale</a>");                    // its campaign by name, linked
        assertThat(settings(page)).doesNotContain("BID_TYPE").doesNotContain("PLACEMENT_").doesNotContain("CLICK<")
                .doesNotContain("SCHEDULE_START_END");
    }

    @Test
    void anAdShowsItsCreativeInWordsAndItsParentsByNameAndTheRawFieldsOnlyToAdmins() {
        String page = detail(owner, "ads", AD);
        assertThat(page).contains(">Single video<").contains(">Learn more<")
                .contains(">Run FAST_AND_FAR<")                   // texts stay as written
                .contains(">https://shoes.example/sale<")
                .contains(">Spring sale</a>").contains(">Young shoppers</a>").contains(">Acme Shoes<");
        String analystPage = detail(analyst, "ads", AD);
        assertThat(analystPage).contains(">Single video<").doesNotContain("id=\"raw-fields\"")
                .doesNotContain("SINGLE_VIDEO").doesNotContain("LEARN_MORE").doesNotContain("AD_STATUS_DELIVERY_OK<");
    }

    @Test
    void aCampaignDeletedAtTikTokLinksToThePerformanceOfTheThirtyDaysUpToItsDeletion() {
        String deleted = "7200000000000000902";
        new InventoryRows(jdbc, ws, ADVERTISER).add("CAMPAIGN", deleted).name("Old sale")
                .status("CAMPAIGN_STATUS_DELETE").fields("{\"operation_status\": \"DISABLE\"}").insert();
        // deleted at TikTok on Oct 15 (12:00 in Berlin), still listed with its delete status
        jdbc.sql("UPDATE inventory_entities SET tiktok_modified_at = :at WHERE workspace_id = :ws AND tiktok_id = :t")
                .param("at", java.sql.Timestamp.from(java.time.Instant.parse("2026-10-15T10:00:00Z")))
                .param("ws", UUID.fromString(ws)).param("t", deleted).update();

        String page = detail(owner, "campaigns", deleted);

        assertThat(page).contains(">Deleted<").contains("from=2026-09-16&amp;to=2026-10-15\">Performance of its ad groups")
                .contains("(the 30 days up to its deletion, 2026-09-16 – 2026-10-15)");
        // a live campaign's link opens the report's default period
        assertThat(detail(owner, "campaigns", CAMPAIGN)).contains(">Performance of its ad groups")
                .doesNotContain("30 days up to its deletion");
    }

    @Test
    void aTikTokAccountIsCalledSoNotByTheEnumsName() {
        new InventoryRows(jdbc, ws, ADVERTISER).add("IDENTITY", "7300000000000000001").name("Acme on TikTok")
                .fields("{}").insert();
        String page = detail(owner, "tiktok-accounts", "7300000000000000001");
        assertThat(page).contains("id=\"entity-kind\">TikTok account<").doesNotContain(">Identity<");
        assertThat(detail(owner, "ad-groups", AD_GROUP)).contains("id=\"entity-kind\">Ad group<");
    }

    private String detail(Tenants.User viewer, String collection, String tiktokId) {
        UUID id = jdbc.sql("SELECT id FROM inventory_entities WHERE workspace_id = :ws AND tiktok_id = :t")
                .param("ws", UUID.fromString(ws)).param("t", tiktokId).query(UUID.class).single();
        return Tenants.expect(viewer.api().get("/workspaces/" + ws + "/inventory/" + collection + "/" + id,
                "Accept-Language", "en-US"), 200).body();
    }

    /** The labelled fields, without the admins' raw disclosure. */
    private static String settings(String page) {
        int from = page.indexOf("id=\"entity-facts\"");
        int to = page.indexOf("id=\"raw-fields\"");
        assertThat(from).isPositive();
        return page.substring(from, to < 0 ? page.length() : to);
    }
}
