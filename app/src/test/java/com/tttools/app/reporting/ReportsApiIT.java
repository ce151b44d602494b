package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.client.MarketingApi;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The reports API over synced facts: totals per currency, ratios from sums, dates' finality, bad input. */
class ReportsApiIT extends SimulatedWorkspaceTest {

    @Autowired
    MarketingApi api;

    @Autowired
    com.tttools.app.audit.AuditLog auditLog;

    /** One synced workspace for the class: syncing is the slow part, and the tests only read (views are their own). */
    static SyncedWorkspace synced;

    Tenants.User owner;
    String org;
    String workspace;
    LocalDate from;
    LocalDate to;
    List<String> currencies;

    @BeforeEach
    void syncedWorkspaceWithTwoCurrencies() {
        if (synced == null) {
            synced = SyncedWorkspace.create(tenants(),
                    simulator(), api, tokenStore, jobs);
        }
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
        assertThat(body.get("currency").isNull()).as("no single currency").isTrue();
        assertThat(body.get("totals").size()).isEqualTo(2);
        for (var total : body.get("totals").properties()) {
            JsonNode m = total.getValue();
            BigDecimal spend = m.get("spend").decimalValue();
            long clicks = m.get("clicks").asLong();
            long impressions = m.get("impressions").asLong();
            assertThat(m.get("ctr").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(clicks * 100L)
                    .divide(BigDecimal.valueOf(impressions), 2, RoundingMode.HALF_UP));
            assertThat(m.get("cpc").decimalValue()).isEqualByComparingTo(spend.divide(BigDecimal.valueOf(clicks), 2,
                    RoundingMode.HALF_UP));
            BigDecimal rowsSum = BigDecimal.ZERO;
            for (JsonNode row : body.get("rows")) {
                if (row.get("currency").asString().equals(total.getKey())) {
                    rowsSum = rowsSum.add(row.get("metrics").get("spend").decimalValue());
                }
            }
            assertThat(rowsSum).isEqualByComparingTo(spend);
        }
        assertThat(body.get("rows").get(0).get("status").asString()).isEqualTo("SETTLED");
        assertThat(body.get("dates").size()).isEqualTo(7);
        assertThat(body.get("previousTotals").isObject()).isTrue();
        assertThat(body.get("settledThrough").asString()).isEqualTo(to.toString());
        assertThat(body.get("dataAsOf").isNull()).isFalse();
    }

    @Test
    void aReportSpanningAdvertisersInDifferentTimezonesAndCurrenciesSaysSo() {
        JsonNode body = Tenants.expect(owner.api().get(report("level=ADVERTISER&groupBy=entity&from=" + from + "&to=" + to)),
                200).json();
        JsonNode advertisers = body.get("advertisers");
        assertThat(advertisers.size()).isEqualTo(2);
        java.util.Set<String> zones = new java.util.TreeSet<>();
        java.util.Set<String> moneys = new java.util.TreeSet<>();
        advertisers.forEach(a -> {
            zones.add(a.get("timezone").asString());
            moneys.add(a.get("currency").asString());
        });
        assertThat(moneys).containsExactlyElementsOf(currencies);
        assertThat(zones).as("the fixture's two advertisers are in different timezones").hasSize(2);
        assertThat(body.get("timezones").toString()).contains(zones.iterator().next());
        assertThat(body.get("warnings").toString()).contains("different currencies").contains("different timezones");
        for (JsonNode row : body.get("rows")) {
            assertThat(row.get("entity").get("name").asString()).as("advertiser name").isNotBlank();
        }
    }

    @Test
    void thePageNeverEchoesAnUnknownChartMetricIntoItsScriptData() {
        String evil = java.net.URLEncoder.encode("</script><b id=x>", java.nio.charset.StandardCharsets.UTF_8);
        String query = "?level=CAMPAIGN&from=" + from + "&to=" + to + "&metric=" + evil;
        ApiClient.Response page = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/reports" + query), 200);
        assertThat(page.body()).doesNotContain("<b id=x>").contains("/reports/sections?");
        // the chart's data comes with the summary fragment (htmx), or in the whole page without JavaScript
        ApiClient.Response summary = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/reports/sections"
                + query + "&part=summary", "HX-Request", "true"), 200);
        assertThat(summary.body()).doesNotContain("<b id=x>").doesNotContain("<html").contains("report-chart-data")
                .containsIgnoringCase("spend (");
        // the section alone: not the page's <summary> elements (columns, saved views) too
        assertThat(summary.body().strip()).startsWith("<div id=\"report-summary\"").doesNotContain("<summary")
                .doesNotContain("Saved views");
        ApiClient.Response whole = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/reports/sections"
                + query), 200);
        assertThat(whole.body()).doesNotContain("<b id=x>").contains("report-chart-data").contains("id=\"report-entities\"")
                .doesNotContain("hx-trigger=\"load\"");
    }

    @Test
    void theReportPageShowsBadParametersNextToTheirControlsInsteadOfAnEmptyReport() {
        ApiClient.Response page = owner.api().get("/workspaces/" + workspace + "/reports?level=weekly&from=" + to
                + "&to=" + from + "&status=enabled&q=" + "x".repeat(101) + "&campaignId=abc");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"report-level-error\"").contains("must be one of ADVERTISER, CAMPAIGN, ADGROUP, AD")
                .contains("id=\"report-from-error\"").contains("must not be after to")
                .contains("id=\"report-status-error\"").contains("is not a TikTok status")
                .contains("id=\"report-q-error\"").contains("may be at most 100 characters")
                .contains("aria-describedby=\"report-from-error\"").contains("aria-invalid=\"true\"")
                .contains("campaignId must be TikTok ids (digits)")
                .doesNotContain("No data for this period yet");
    }

    @Test
    void theFinalityLedgerSaysPerAdvertiserAndDayHowOftenItWasPulled() {
        JsonNode items = Tenants.expect(owner.api().get("/api/v1/workspaces/" + workspace + "/reports/finality?from="
                + from + "&to=" + to), 200).json().get("items");
        assertThat(items.size()).as("two advertisers, seven days").isEqualTo(14);
        assertThat(items.get(0).get("date").asString()).isEqualTo(to.toString());
        for (JsonNode day : items) {
            assertThat(day.get("pullCount").asInt()).isEqualTo(1);
            assertThat(day.get("status").asString()).isEqualTo("SETTLED");
            assertThat(day.get("lastPulledAt").isNull()).isFalse();
        }
        assertThat(field(owner.api().get("/api/v1/workspaces/" + workspace + "/reports/finality?from=" + to + "&to=" + from)))
                .isEqualTo("from");
    }

    @Test
    void reachAndFrequencyAreShownOnlyWhereTikTokReportedThem() {
        JsonNode rows = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=date,entity&limit=50"
                + "&metrics=impressions,reach,frequency&from=" + from + "&to=" + to)), 200).json().get("rows");
        int checked = 0;
        for (JsonNode row : rows) {
            JsonNode m = row.get("metrics");
            if (!m.get("reach").isNull() && m.get("reach").asLong() > 0) {
                assertThat(m.get("frequency").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(m.get("impressions")
                        .asLong()).divide(BigDecimal.valueOf(m.get("reach").asLong()), 2, RoundingMode.HALF_UP));
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(field(owner.api().get(report("level=CAMPAIGN&groupBy=entity&metrics=frequency&from=" + from + "&to=" + to))))
                .isEqualTo("metrics");
    }

    @Test
    void drillDownFromACampaignToItsAdGroupsAndAdsAddsUp() {
        JsonNode campaign = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=1&from=" + from
                + "&to=" + to)), 200).json().get("rows").get(0);
        String campaignId = campaign.get("entity").get("tiktokId").asString();
        assertThat(campaign.get("entity").get("id").isNull()).as("inventory id of a synced campaign").isFalse();
        assertThat(campaign.get("entity").get("name").asString()).isNotBlank();
        assertThat(campaign.get("entity").get("status").asString()).isNotBlank();

        JsonNode adgroups = Tenants.expect(owner.api().get(report("level=ADGROUP&groupBy=entity&limit=500&campaignId="
                + campaignId + "&from=" + from + "&to=" + to)), 200).json();
        assertThat(adgroups.get("rows").size()).isPositive();
        assertThat(adgroups.get("advertisers").size()).as("one campaign, one advertiser").isEqualTo(1);
        assertThat(adgroups.get("currency").asString()).isEqualTo(campaign.get("currency").asString());
        assertThat(adgroups.get("warnings").size()).as("no mixed timezones or currencies in one campaign").isZero();
        adgroups.get("rows").forEach(r -> assertThat(r.get("entity").get("campaignId").asString()).isEqualTo(campaignId));
        assertThat(adgroups.get("totals").get(campaign.get("currency").asString()).get("spend").decimalValue())
                .isEqualByComparingTo(campaign.get("metrics").get("spend").decimalValue());

        String adgroupId = adgroups.get("rows").get(0).get("entity").get("tiktokId").asString();
        JsonNode ads = Tenants.expect(owner.api().get(report("level=AD&groupBy=entity&limit=500&adgroupId=" + adgroupId
                + "&from=" + from + "&to=" + to)), 200).json();
        assertThat(ads.get("rows").size()).isPositive();
        ads.get("rows").forEach(r -> assertThat(r.get("entity").get("adgroupId").asString()).isEqualTo(adgroupId));
        assertThat(ads.get("totals").get(campaign.get("currency").asString()).get("spend").decimalValue())
                .isEqualByComparingTo(adgroups.get("rows").get(0).get("metrics").get("spend").decimalValue());
    }

    @Test
    void filtersByNameAndStatusNarrowRowsAndTotalsAlike() {
        JsonNode all = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&from=" + from
                + "&to=" + to)), 200).json().get("rows");
        JsonNode first = all.get(0).get("entity");
        String name = first.get("name").asString();
        String fragment = name.substring(0, Math.min(name.length(), 12)).toUpperCase(java.util.Locale.ROOT);
        JsonNode named = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&from=" + from
                + "&to=" + to + "&q=" + java.net.URLEncoder.encode(fragment, java.nio.charset.StandardCharsets.UTF_8))),
                200).json();
        assertThat(named.get("rows").size()).isPositive().isLessThanOrEqualTo(all.size());
        named.get("rows").forEach(r -> assertThat(r.get("entity").get("name").asString().toUpperCase(java.util.Locale.ROOT))
                .contains(fragment));

        String status = first.get("status").asString();
        JsonNode byStatus = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&from=" + from
                + "&to=" + to + "&status=" + status)), 200).json();
        long expected = 0;
        BigDecimal expectedSpend = BigDecimal.ZERO;
        for (JsonNode row : all) {
            if (status.equals(row.get("entity").get("status").asString())
                    && row.get("currency").asString().equals(all.get(0).get("currency").asString())) {
                expected++;
                expectedSpend = expectedSpend.add(row.get("metrics").get("spend").decimalValue());
            }
        }
        long sameCurrency = 0;
        for (JsonNode row : byStatus.get("rows")) {
            assertThat(row.get("entity").get("status").asString()).isEqualTo(status);
            sameCurrency += row.get("currency").asString().equals(all.get(0).get("currency").asString()) ? 1 : 0;
        }
        assertThat(sameCurrency).isEqualTo(expected);
        assertThat(byStatus.get("totals").get(all.get(0).get("currency").asString()).get("spend").decimalValue())
                .isEqualByComparingTo(expectedSpend);
    }

    @Test
    void entityRowsCarryThePreviousPeriodAndSortAsAsked() {
        // The last four synced days; the previous period of equal length holds the three days before them.
        LocalDate start = to.minusDays(3);
        JsonNode body = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&sort=-clicks&from="
                + start + "&to=" + to)), 200).json();
        assertThat(body.get("sort").asString()).isEqualTo("-clicks");
        JsonNode rows = body.get("rows");
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i - 1).get("currency").asString().equals(rows.get(i).get("currency").asString())) {
                assertThat(rows.get(i - 1).get("metrics").get("clicks").asLong())
                        .isGreaterThanOrEqualTo(rows.get(i).get("metrics").get("clicks").asLong());
            }
        }
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&from=" + start.minusDays(4)
                + "&to=" + start.minusDays(1))), 200).json().get("rows")
                .forEach(r -> before.put(r.get("entity").get("tiktokId").asString(), r.get("metrics")));
        int compared = 0;
        for (JsonNode row : rows) {
            JsonNode earlier = before.get(row.get("entity").get("tiktokId").asString());
            // an entity without delivery back then is listed there with zeros; it has no previous figures here
            boolean delivered = earlier != null && (earlier.path("spend").decimalValue().signum() != 0
                    || earlier.path("impressions").asLong() != 0 || earlier.path("clicks").asLong() != 0);
            if (!delivered) {
                assertThat(row.get("previous").isNull()).isTrue();
            } else {
                assertThat(row.get("previous").get("spend").decimalValue())
                        .isEqualByComparingTo(earlier.get("spend").decimalValue());
                assertThat(row.get("previous").get("clicks").asLong()).isEqualTo(earlier.get("clicks").asLong());
                compared++;
            }
        }
        assertThat(compared).isPositive();

        JsonNode byName = Tenants.expect(owner.api().get(report("level=CAMPAIGN&groupBy=entity&limit=500&sort=name&from="
                + start + "&to=" + to)), 200).json().get("rows");
        List<String> names = new ArrayList<>();
        byName.forEach(r -> names.add(r.get("entity").get("name").asString().toLowerCase(java.util.Locale.ROOT)));
        assertThat(names).isSorted();
    }

    /**
     * A money ratio (cost per click, per mille, per conversion) sorts by its value in the reporting currency, an
     * expression over a computed column: every grouping that allows the sort answers it, the API and the CSV (by date
     * and entity it was a 500, the expression named an output column inside its own ORDER BY).
     */
    @Test
    void moneyRatiosSortEveryGroupingThatAllowsThem() {
        for (String sort : List.of("cpc", "-cpm", "costPerConversion")) {
            for (String groupBy : List.of("entity", "date,entity")) {
                String query = "level=AD&groupBy=" + groupBy + "&limit=50&sort=" + sort + "&from=" + from + "&to=" + to;
                JsonNode rows = Tenants.expect(owner.api().get(report(query)), 200).json().get("rows");
                assertThat(rows.size()).as(query).isPositive();
                Tenants.expect(owner.api().get(report(query).replace("/reports?", "/reports.csv?")), 200);
            }
        }
        // the ratio orders the rows (nulls, where nothing was clicked, last)
        JsonNode sorted = Tenants.expect(owner.api().get(report("level=AD&groupBy=date,entity&limit=200&sort=-cpc&from="
                + from + "&to=" + to)), 200).json();
        String reporting = sorted.get("reportingCurrency").asString();
        List<java.math.BigDecimal> cpc = new ArrayList<>();
        sorted.get("rows").forEach(r -> {
            JsonNode value = r.get("metrics").get("cpc");
            // in the reporting currency the row's own cost per click is the converted one the sort used
            if (value != null && !value.isNull() && r.get("currency").asString().equals(reporting)) {
                cpc.add(value.decimalValue());
            }
        });
        assertThat(cpc).as("cpc of the rows in " + reporting).isSortedAccordingTo(java.util.Comparator.reverseOrder());
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
        List<CSVRecord> lines;
        try (var parser = CSVFormat.RFC4180.parse(new java.io.StringReader(csv.body()))) {
            lines = parser.getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(lines.get(0).toList()).containsExactly("date", "entityId", "entityName", "advertiserId", "currency",
                "spend", "impressions", "clicks", "ctr", "reportingCurrency", "spendInReportingCurrency");

        Map<String, String> apiRows = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = Tenants.expect(owner.api().get(report(query + "&limit=500" + (cursor == null ? "" : "&cursor=" + cursor))),
                    200).json();
            for (JsonNode row : page.get("rows")) {
                JsonNode m = row.get("metrics");
                apiRows.put(row.get("date").asString() + "," + row.get("entity").get("tiktokId").asString(),
                        row.get("entity").get("name").asString() + "|" + m.get("spend").decimalValue().toPlainString() + ","
                                + m.get("impressions").asLong() + "," + m.get("clicks").asLong());
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(lines.size() - 1).isEqualTo(apiRows.size()).isPositive();
        for (int i = 1; i < lines.size(); i++) {
            var f = lines.get(i);
            assertThat(f.get(2) + "|" + new BigDecimal(f.get(5)).toPlainString() + "," + f.get(6) + "," + f.get(7))
                    .as(f.toString()).isEqualTo(apiRows.get(f.get(0) + "," + f.get(1)));
        }
        int exported = lines.size() - 1;
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(com.tttools.app.audit.AuditQuery.of(
                OrganizationId.of(org)).withAction("report.exported")).items(), items -> items.size() == 1
                && items.get(0).details().get("rows").toString().equals(String.valueOf(exported)));
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
        assertThat(field(client.get(report("level=ADVERTISER&from=2026-01-01&to=2026-01-02&campaignId=123")))).isEqualTo("campaignId");
        assertThat(field(client.get(report("level=CAMPAIGN&from=2026-01-01&to=2026-01-02&adgroupId=123")))).isEqualTo("adgroupId");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&campaignId=abc")))).isEqualTo("campaignId");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&sort=bogus")))).isEqualTo("sort");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&groupBy=date&sort=name")))).isEqualTo("sort");
        assertThat(field(client.get(report("level=AD&from=2026-01-01&to=2026-01-02&status=paused;drop")))).isEqualTo("status");
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(422);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
