package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/** The reports API over synced facts: totals per currency, ratios from sums, dates' finality, bad input. */
class ReportsApiTest extends IntegrationTest {

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulator;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    TikTokMarketingApi api;
    @Autowired
    Jobs jobs;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Autowired
    com.tttools.app.audit.AuditLog auditLog;

    Tenants.User owner;
    String org;
    String workspace;
    LocalDate from;
    LocalDate to;
    List<String> currencies;

    @BeforeEach
    void syncedWorkspaceWithTwoCurrencies() {
        SyncedWorkspace synced = SyncedWorkspace.create(new Tenants(port, (DevMailbox) mailer, limiter),
                EmbeddedSimulator.control(simulator), api, tokens, jobs);
        owner = synced.owner();
        org = synced.organizationId();
        workspace = synced.workspaceId();
        from = synced.from();
        to = synced.to();
        currencies = synced.currencies();
    }

    String report(String query) {
        return "/api/v1/workspaces/" + workspace + "/reports?" + query;
    }

    @Test
    void totalsAreGivenPerCurrencyAndRatiosComeFromSummedBases() {
        JsonNode body = Tenants.expect(owner.api().get(report("level=CAMPAIGN&from=" + from + "&to=" + to)), 200).json();
        assertThat(body.get("currencies").toString()).contains(currencies.get(0)).contains(currencies.get(1));
        assertThat(body.get("warnings").get(0).asString()).contains("different currencies");
        assertThat(body.get("totals").size()).isEqualTo(2);
        for (JsonNode total : body.get("totals")) {
            JsonNode m = total.get("metrics");
            BigDecimal spend = m.get("spend").decimalValue();
            long clicks = m.get("clicks").asLong();
            long impressions = m.get("impressions").asLong();
            assertThat(m.get("ctr").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(clicks * 100L)
                    .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP));
            assertThat(m.get("cpc").decimalValue()).isEqualByComparingTo(spend.divide(BigDecimal.valueOf(clicks), 2,
                    RoundingMode.HALF_UP));
            BigDecimal rowsSum = BigDecimal.ZERO;
            for (JsonNode row : body.get("rows")) {
                if (row.get("currency").asString().equals(total.get("currency").asString())) {
                    rowsSum = rowsSum.add(row.get("metrics").get("spend").decimalValue());
                }
            }
            assertThat(rowsSum).isEqualByComparingTo(spend);
        }
        assertThat(body.get("rows").get(0).get("status").asString()).isEqualTo("SETTLED");
        assertThat(body.get("dates").size()).isEqualTo(7);
        assertThat(body.get("previousTotals").isArray()).isTrue();
    }

    @Test
    void groupingByEntityListsTheBiggestSpendersFirst() {
        JsonNode rows = Tenants.expect(owner.api().get(report("level=AD&groupBy=entity&limit=5&from=" + from + "&to=" + to)),
                200).json().get("rows");
        assertThat(rows.size()).isBetween(1, 5);
        assertThat(rows.get(0).get("entity").get("tiktokId").asString()).isNotBlank();
        assertThat(rows.get(0).get("date").isNull()).isTrue();
    }

    @Test
    void theCsvHasAHeaderRowAndTheSameRowsAsTheApiAndTheExportIsAudited() {
        String query = "level=AD&groupBy=date,entity&metrics=spend,impressions,clicks,ctr&from=" + from + "&to=" + to;
        ApiClient.Response csv = Tenants.expect(owner.api().get(report(query).replace("/reports?", "/reports.csv?")), 200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("date,entityId,advertiserId,currency,spend,impressions,clicks,ctr");

        Map<String, String> apiRows = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = Tenants.expect(owner.api().get(report(query + "&limit=500" + (cursor == null ? "" : "&cursor=" + cursor))),
                    200).json();
            for (JsonNode row : page.get("rows")) {
                JsonNode m = row.get("metrics");
                apiRows.put(row.get("date").asString() + "," + row.get("entity").get("tiktokId").asString(),
                        m.get("spend").decimalValue().toPlainString() + "," + m.get("impressions").asLong() + ","
                                + m.get("clicks").asLong());
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(lines.length - 1).isEqualTo(apiRows.size()).isPositive();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(new BigDecimal(f[4]).toPlainString() + "," + f[5] + "," + f[6])
                    .as(lines[i]).isEqualTo(apiRows.get(f[0] + "," + f[1]));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(com.tttools.app.audit.AuditQuery.of(
                OrganizationId.of(org)).withAction("report.exported")).items(), items -> items.size() == 1
                && items.get(0).details().get("rows").toString().equals(String.valueOf(lines.length - 1)));
    }

    @Test
    void savedViewsArePrivateOrSharedAndAlwaysValid() {
        String views = "/api/v1/workspaces/" + workspace + "/report-views";
        Map<String, Object> query = Map.of("level", "AD", "from", from.toString(), "to", to.toString(),
                "groupBy", "date,entity");
        String mine = Tenants.expect(owner.api().post(views, Map.of("name", "My ads", "query", query)), 201).json()
                .get("id").asString();
        String shared = Tenants.expect(owner.api().post(views, Map.of("name", "Team ads", "visibility", "WORKSPACE",
                "query", query)), 201).json().get("id").asString();
        JsonNode listed = owner.api().get(views).json().get("items");
        assertThat(listed.toString()).contains(mine).contains(shared).contains("\"groupBy\":\"date,entity\"");

        ApiClient.Response invalid = owner.api().post(views, Map.of("name", "Broken", "query", Map.of("level", "NOPE",
                "from", "2026-01-02", "to", "2026-01-01")));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").toString()).contains("query.level").contains("query.from");
        assertThat(owner.api().post(views, Map.of("name", "", "visibility", "PUBLIC", "query", query)).status()).isEqualTo(422);

        assertThat(owner.api().delete(views + "/" + mine).status()).isEqualTo(204);
        assertThat(owner.api().delete(views + "/" + mine).status()).isEqualTo(404);
        assertThat(owner.api().get(views).json().get("items").toString()).doesNotContain(mine).contains(shared);
    }

    @Test
    void badParametersAre422NamingTheParameter() {
        ApiClient client = owner.api();
        assertThat(field(client.get(report("level=CAMPAIGN&from=2026-02-01&to=2026-01-01")))).isEqualTo("from");
        assertThat(field(client.get(report("level=NOPE&from=2026-01-01&to=2026-01-02")))).isEqualTo("level");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&metrics=spend,bogus")))).isEqualTo("metrics");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&metrics=reach")))).isEqualTo("metrics");
        assertThat(field(client.get(report("level=AD&from=2020-01-01&to=2026-01-02")))).isEqualTo("to");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&groupBy=week")))).isEqualTo("groupBy");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&cursor=garbage")))).isEqualTo("cursor");
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(422);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
