package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.reporting.rates.ExchangeRateFetch;
import com.tttools.app.reporting.rates.ExchangeRateStore;
import com.tttools.app.reporting.rates.RateTable;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.client.MarketingApi;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reports in the workspace's reporting currency (EUR here) over synced facts in two other currencies, converted at
 * simulator mode's fixed rate table: API totals and rows, sorting by converted spend, the CSV's extra columns, the
 * page, a missing rate (a notice, never 0) and a rate the workspace enters itself.
 */
class ReportCurrencyIT extends SimulatedWorkspaceTest {

    @Autowired
    MarketingApi api;
    @Autowired
    ExchangeRateStore rates;
    @Autowired
    AuditLog auditLog;

    static SyncedWorkspace synced;

    Tenants.User owner;
    String workspace;

    @BeforeEach
    void syncedWorkspaceWithTwoCurrencies() {
        if (synced == null) {
            synced = SyncedWorkspace.create(tenants(),
                    simulator(), api, tokenStore, jobs);
        }
        owner = synced.owner();
        workspace = synced.workspaceId();
        Tenants.expect(owner.api().put("/api/v1/workspaces/" + workspace + "/currency", Map.of("currency", "EUR")), 200);
    }

    JsonNode report(String query) {
        return Tenants.expect(owner.api().get("/api/v1/workspaces/" + workspace + "/reports?from=" + synced.from()
                + "&to=" + synced.to() + "&" + query), 200).json();
    }

    /** EUR per unit of {@code currency} as the fixed table gives it (the factor the conversion must use). */
    BigDecimal toEur(String currency) {
        RateTable.Rate rate = rates.latestReference().stream().filter(r -> r.currency().equals(currency)).findFirst()
                .orElseThrow();
        assertThat(rate.source()).isEqualTo(ExchangeRateFetch.SIMULATOR);
        return BigDecimal.ONE.divide(rate.perEur(), 12, RoundingMode.HALF_EVEN);
    }

    @Test
    void totalsAndRowsAreConvertedIntoTheReportingCurrencyAtTheFixedTable() {
        assertThat(synced.currencies()).hasSize(2).doesNotContain("EUR");
        JsonNode body = report("level=ADVERTISER&groupBy=entity&metrics=spend,clicks,cpc");
        assertThat(body.get("reportingCurrency").asString()).isEqualTo("EUR");
        BigDecimal exact = BigDecimal.ZERO;
        long clicks = 0;
        for (String currency : synced.currencies()) {
            JsonNode native_ = body.get("totals").get(currency);
            exact = exact.add(native_.get("spend").decimalValue().multiply(toEur(currency)));
            clicks += native_.get("clicks").asLong();
        }
        JsonNode converted = body.get("convertedTotals");
        BigDecimal spend = exact.setScale(2, RoundingMode.HALF_UP);
        assertThat(converted.get("spend").decimalValue()).isEqualByComparingTo(spend).isPositive();
        assertThat(converted.get("clicks").asLong()).isEqualTo(clicks);
        assertThat(converted.get("cpc").decimalValue()).isEqualByComparingTo(
                exact.divide(BigDecimal.valueOf(clicks), 2, RoundingMode.HALF_UP));
        for (JsonNode row : body.get("rows")) {
            BigDecimal expected = row.get("metrics").get("spend").decimalValue()
                    .multiply(toEur(row.get("currency").asString())).setScale(2, RoundingMode.HALF_UP);
            assertThat(row.get("converted").get("spend").decimalValue()).as(row.toString()).isEqualByComparingTo(expected);
            assertThat(row.get("currency").asString()).as("the advertiser's own currency stays").isIn(synced.currencies());
        }
        JsonNode conversion = body.get("conversion");
        assertThat(conversion.get("currency").asString()).isEqualTo("EUR");
        List<String> used = new ArrayList<>();
        conversion.get("rates").forEach(r -> {
            used.add(r.get("currency").asString());
            assertThat(r.get("sources").asString()).isEqualTo(ExchangeRateFetch.SIMULATOR);
        });
        assertThat(used).containsExactlyInAnyOrderElementsOf(synced.currencies());
        assertThat(conversion.get("earlierRateDays").size()).as("the fixed table is older than every day").isEqualTo(7);
        assertThat(conversion.get("notices").size()).isZero();
    }

    @Test
    void sortingBySpendSortsByTheConvertedAmount() {
        for (String sort : List.of("-spend", "spend")) {
            JsonNode rows = report("level=CAMPAIGN&groupBy=entity&metrics=spend&limit=100&sort=" + sort).get("rows");
            List<BigDecimal> converted = new ArrayList<>();
            rows.forEach(r -> converted.add(r.get("converted").get("spend").decimalValue()));
            assertThat(converted).hasSizeGreaterThan(2);
            assertThat(converted).isSortedAccordingTo(sort.startsWith("-") ? java.util.Comparator.reverseOrder()
                    : java.util.Comparator.naturalOrder());
        }
        JsonNode byDay = report("level=ADVERTISER&groupBy=date&metrics=spend");
        assertThat(byDay.get("convertedByDate").size()).isEqualTo(7);
    }

    @Test
    void theCsvAddsTheReportingCurrencyAndTheConvertedMoneyColumns() throws Exception {
        String query = "level=AD&groupBy=date,entity&metrics=spend,clicks,cpc&from=" + synced.from() + "&to=" + synced.to();
        ApiClient.Response csv = Tenants.expect(owner.api().get("/api/v1/workspaces/" + workspace + "/reports.csv?" + query), 200);
        List<CSVRecord> lines = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
        assertThat(lines.get(0).toList()).containsExactly("date", "entityId", "entityName", "advertiserId", "currency",
                "spend", "clicks", "cpc", "reportingCurrency", "spendInReportingCurrency", "cpcInReportingCurrency");
        assertThat(lines.size()).isGreaterThan(1);
        for (CSVRecord line : lines.subList(1, lines.size())) {
            assertThat(line.get(8)).isEqualTo("EUR");
            BigDecimal expected = new BigDecimal(line.get(5)).multiply(toEur(line.get(4))).setScale(2, RoundingMode.HALF_UP);
            assertThat(new BigDecimal(line.get(9))).as(line.toString()).isEqualByComparingTo(expected);
        }
    }

    @Test
    void thePageSaysWhichRatesWereUsedAndTotalsAllCurrenciesInTheReportingOne() {
        // the whole page with every section (what a browser without JavaScript gets); htmx fetches them after the first paint
        String page = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/reports/sections?level=CAMPAIGN&from="
                + synced.from() + "&to=" + synced.to()), 200).body();
        assertThat(page).contains("id=\"report-rates\"").contains(ExchangeRateFetch.SIMULATOR)
                .contains("All, in EUR").contains("Spend in EUR").contains("rate of an earlier day")
                .contains("id=\"chart-toggle\"").contains("\"converted\"");
    }

    @Test
    void aMissingRateIsANoticeNeverZeroUntilTheWorkspaceEntersOne() {
        // XOF is in no reference table here
        Tenants.expect(owner.api().put("/api/v1/workspaces/" + workspace + "/currency", Map.of("currency", "XOF")), 200);
        JsonNode body = report("level=ADVERTISER&groupBy=entity&metrics=spend,clicks");
        assertThat(body.get("convertedTotals").get("spend").isNull()).as("unknown, not 0").isTrue();
        assertThat(body.get("convertedTotals").get("clicks").asLong()).isPositive();
        body.get("rows").forEach(r -> assertThat(r.get("converted").get("spend").isNull()).isTrue());
        assertThat(body.get("conversion").get("notices").toString()).contains("No exchange rate from")
                .contains("to XOF");
        assertThat(body.get("warnings").toString()).contains("No exchange rate from");
        String page = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/reports/sections?level=ADVERTISER&from="
                + synced.from() + "&to=" + synced.to()), 200).body();
        assertThat(page).contains("No exchange rate from");

        // bad input is answered next to the field
        ApiClient.Response bad = owner.api().postForm("/workspaces/" + workspace + "/settings/exchange-rates",
                "currency=XOF&date=" + synced.from() + "&perEur=-3", true);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("rate-value-error").contains("positive number");

        // the workspace enters XOF for the first day of the range: every day converts from then on
        ApiClient.Response saved = owner.api().postForm("/workspaces/" + workspace + "/settings/exchange-rates",
                "currency=XOF&date=" + synced.from().minusDays(1) + "&perEur=655.957", true);
        assertThat(saved.status()).isEqualTo(302);
        JsonNode now = report("level=ADVERTISER&groupBy=entity&metrics=spend");
        BigDecimal exact = BigDecimal.ZERO;
        for (String currency : synced.currencies()) {
            BigDecimal factor = new BigDecimal("655.957").divide(rates.latestReference().stream()
                    .filter(r -> r.currency().equals(currency)).findFirst().orElseThrow().perEur(), 12, RoundingMode.HALF_EVEN);
            exact = exact.add(now.get("totals").get(currency).get("spend").decimalValue().multiply(factor));
        }
        assertThat(now.get("convertedTotals").get("spend").decimalValue())
                .isEqualByComparingTo(exact.setScale(0, RoundingMode.HALF_UP));   // XOF has no minor unit
        assertThat(now.get("conversion").get("notices").size()).isZero();
        Map<String, String> sources = new HashMap<>();
        now.get("conversion").get("rates").forEach(r -> sources.put(r.get("currency").asString(), r.get("sources").asString()));
        assertThat(sources).containsEntry("XOF", ExchangeRateStore.WORKSPACE_SOURCE);
        String ratesPage = Tenants.expect(owner.api().get("/workspaces/" + workspace + "/settings/exchange-rates"), 200).body();
        assertThat(ratesPage).contains("id=\"rates-own\"").contains("655.957").contains(ExchangeRateFetch.SIMULATOR);

        OrganizationId org = OrganizationId.of(synced.organizationId());
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(AuditQuery.of(org)
                .withAction("exchange_rate.set")).items(), items -> items.size() == 1
                && items.get(0).details().get("after").toString().equals("655.957"));
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(AuditQuery.of(org)
                .withAction("workspace.currency_changed")).items(), items -> !items.isEmpty());

        // deleting it brings the notice back
        assertThat(owner.api().postForm("/workspaces/" + workspace + "/settings/exchange-rates/delete",
                "currency=XOF&date=" + synced.from().minusDays(1), true).status()).isEqualTo(302);
        assertThat(report("level=ADVERTISER&groupBy=entity&metrics=spend").get("convertedTotals").get("spend").isNull())
                .isTrue();
    }

    @Test
    void anUnknownReportingCurrencyIsRefusedNamingTheField() {
        ApiClient.Response response = owner.api().put("/api/v1/workspaces/" + workspace + "/currency",
                Map.of("currency", "EURO"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("currency");
    }
}
