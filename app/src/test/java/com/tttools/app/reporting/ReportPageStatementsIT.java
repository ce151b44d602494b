package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.client.MarketingApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * How many SQL statements one view of the reporting page costs once the session is loaded (Spring Session's own
 * statements on its tables not counted), drilled down to an ad group (the breadcrumb names advertiser, campaign and
 * ad group). The page used to run a full report per breadcrumb level; now one query names them all, and the
 * figures come as fragments after the first paint (their statements are printed, not budgeted here).
 */
class ReportPageStatementsIT extends SimulatedWorkspaceTest {

    /**
     * What a page view may cost after the session (issue 18): measured 41 before the breadcrumb named its levels
     * in one query, 26 after (with the session's update), 26 again after the session before the figures became
     * fragments; 4 then: the access check, the policy consent, the saved views and the names; 6 since the status
     * and advertiser filters became selects (the statuses the level has, the reported advertisers by name).
     */
    static final int BUDGET = 6;

    @Autowired
    MarketingApi api;

    @Test
    void aDrilledDownPageViewRunsAFewStatementsAndNamesEveryLevel() {
        SyncedWorkspace synced = SyncedWorkspace.create(tenants(),
                simulator(), api, tokenStore, jobs);
        String range = "&from=" + synced.from() + "&to=" + synced.to();
        String api = "/api/v1/workspaces/" + synced.workspaceId() + "/reports?groupBy=entity&limit=1" + range;
        JsonNode adgroup = Tenants.expect(synced.owner().api().get(api + "&level=ADGROUP"), 200).json()
                .get("rows").get(0);
        String adgroupId = adgroup.get("entity").get("tiktokId").asString();
        String campaignId = adgroup.get("entity").get("campaignId").asString();
        String advertiserId = adgroup.get("advertiserId").asString();
        JsonNode campaign = Tenants.expect(synced.owner().api().get(api + "&level=CAMPAIGN&campaignId=" + campaignId),
                200).json().get("rows").get(0).get("entity");
        String page = "/workspaces/" + synced.workspaceId() + "/reports?level=AD" + range + "&advertiserId="
                + advertiserId + "&campaignId=" + campaignId + "&adgroupId=" + adgroupId;
        synced.owner().api().get(page);   // warms caches (templates, session) so the count is a steady page view

        String body = Tenants.expect(synced.owner().api().get(page, StatementCounter.HEADER, "1"), 200).body();

        List<String> statements = StatementCounter.lastRequestAfterSession();
        System.out.println("Reporting page view, drilled down to an ad group: " + StatementCounter.lastRequest().size()
                + " SQL statements, " + statements.size() + " after the session:\n"
                + String.join("\n", StatementCounter.lastRequest()));
        assertThat(body).contains("id=\"report-crumbs\"").contains(campaign.get("name").asString())
                .contains(adgroup.get("entity").get("name").asString()).contains("/reports/sections?");
        assertThat(statements).as("the statements of one page view after the session").isNotEmpty()
                .hasSizeLessThanOrEqualTo(BUDGET);

        String sections = page.replace("/reports?", "/reports/sections?");
        for (String part : List.of("summary", "entities")) {
            String fragment = Tenants.expect(synced.owner().api().get(sections + "&part=" + part,
                    StatementCounter.HEADER, "1", "HX-Request", "true"), 200).body();
            assertThat(fragment).doesNotContain("<html");
            System.out.println("Reporting page fragment " + part + ": "
                    + StatementCounter.lastRequestAfterSession().size() + " SQL statements after the session");
        }
    }
}
