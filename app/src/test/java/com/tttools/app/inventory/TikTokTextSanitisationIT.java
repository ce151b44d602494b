package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Http;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A campaign renamed in TikTok to text PostgreSQL refuses (a NUL character, an unpaired surrogate) no longer fails
 * the asset sync or the report sync: the client sanitises every string it reads, and the name is stored clean.
 */
class TikTokTextSanitisationIT extends InventoryTestSupport {

    /** As JSON escapes: "Spring", NUL, " sale ", an unpaired high surrogate, " end". */
    static final String HOSTILE_NAME_JSON = "Spring\\u0000 sale \\ud800 end";
    static final String SANITISED = "Spring sale \uFFFD end";

    @Autowired
    MarketingApi api;

    private Renamed renamed;

    record Renamed(AccessToken token, String advertiserId, String campaignId, String originalName) {
    }

    @AfterEach
    void restoreTheCampaignsName() {
        if (renamed != null) {
            rename(renamed.token(), renamed.advertiserId(), renamed.campaignId(), json.writeValueAsString(renamed.originalName()));
            renamed = null;
        }
    }

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void aCampaignNamedWithANulAndALoneSurrogateIsSyncedWithItsNameSanitised() {
        List<String> all = simulator().advertiserIds();
        String advertiser = all.get(all.size() / 2);   // other suites take the first and the last ones
        WorkspaceId workspace = WorkspaceId.random();
        SimulatedConnection connection = connect(workspace, List.of(advertiser));
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        LocalDate from = to.minusDays(6);
        JsonNode campaign = campaignWithSpend(connection.token(), advertiser, from, to);
        String campaignId = campaign.path("campaign_id").asString();
        renamed = new Renamed(connection.token(), advertiser, campaignId, campaign.path("campaign_name").asString());
        rename(connection.token(), advertiser, campaignId, "\"" + HOSTILE_NAME_JSON + "\"");

        JobView assets = sync(connection);
        JobView reports = awaitFinished(workspace, jobs.submit(JobRequest.of(workspace, ReportSync.JOB,
                new ReportSync.Payload(connection.id(), from, to))).jobId());

        assertThat(assets.status()).as(assets.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(reports.status()).as(reports.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jdbc.sql("""
                        SELECT name FROM inventory_entities
                        WHERE workspace_id = :ws AND kind = 'CAMPAIGN' AND tiktok_id = :id""")
                .param("ws", workspace.value()).param("id", campaignId).query(String.class).single())
                .isEqualTo(SANITISED);
        assertThat(jdbc.sql("""
                        SELECT DISTINCT entity_name FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = 'CAMPAIGN' AND entity_id = :id""")
                .param("ws", workspace.value()).param("id", campaignId).query(String.class).list())
                .containsExactly(SANITISED);
    }

    /** A campaign TikTok lists (so it can be renamed) that has report rows in the window. */
    private JsonNode campaignWithSpend(AccessToken token, String advertiser, LocalDate from, LocalDate to) {
        Set<String> withRows = new HashSet<>();
        api.forEachPage(ApiCall.get("report/integrated/get/").param("advertiser_id", advertiser)
                        .param("report_type", "BASIC").param("data_level", "AUCTION_CAMPAIGN")
                        .param("dimensions", List.of("campaign_id", "stat_time_day")).param("metrics", List.of("spend"))
                        .param("start_date", from.toString()).param("end_date", to.toString()), token,
                "list", 1000, page -> page.items().forEach(row ->
                        withRows.add(row.path("dimensions").path("campaign_id").asString())));
        JsonNode list = api.call(ApiCall.get("campaign/get/").param("advertiser_id", advertiser)
                .param("page_size", 1000), token).data().path("list");
        for (JsonNode campaign : list) {
            if (withRows.contains(campaign.path("campaign_id").asString())
                    && !campaign.path("operation_status").asString().equals("DELETE")) {
                return campaign;
            }
        }
        throw new AssertionError("No campaign of " + advertiser + " has report rows from " + from + " to " + to);
    }

    /** {@code campaign/update/} with the name as a raw JSON string literal (so it can carry escapes). */
    private void rename(AccessToken token, String advertiser, String campaignId, String nameJson) {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(
                        URI.create(url("/tiktok-sim/open_api/v1.3/campaign/update/")))
                .timeout(Duration.ofSeconds(10))
                .header("Access-Token", token.value()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advertiser_id\":\"" + advertiser + "\",\"campaign_id\":\""
                        + campaignId + "\",\"campaign_name\":" + nameJson + "}"))
                .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":0");
    }
}
