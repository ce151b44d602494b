package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * How many SQL statements one view of the reporting page costs, drilled down to an ad group (the breadcrumb names
 * advertiser, campaign and ad group). The page used to run a full report per breadcrumb level; now one query
 * names them all.
 */
class ReportPageStatementsIT extends IntegrationTest {

    /**
     * What a page view may cost: measured 41 before the breadcrumb named its levels in one query, 26 after (the
     * session and access checks, the two reports' statements, finality, saved views, the names).
     */
    static final int BUDGET = 30;

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulator;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    MarketingApi api;
    @Autowired
    Jobs jobs;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void aDrilledDownPageViewRunsAFewStatementsAndNamesEveryLevel() {
        SyncedWorkspace synced = SyncedWorkspace.create(new Tenants(port, (DevMailbox) mailer, limiter),
                EmbeddedSimulator.control(simulator), api, tokens, jobs);
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

        List<String> statements = StatementCounter.lastRequest();
        System.out.println("Reporting page view, drilled down to an ad group: " + statements.size()
                + " SQL statements:\n" + String.join("\n", statements));
        assertThat(body).contains("id=\"report-crumbs\"").contains(campaign.get("name").asString())
                .contains(adgroup.get("entity").get("name").asString());
        assertThat(statements).as("the statements of one page view").isNotEmpty().hasSizeLessThanOrEqualTo(BUDGET);
    }
}
