package com.tttools.simulator;

import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Reference section 6: report/integrated/get parameters, validation messages and row shapes. */
class ReportContractTest {

    static final String METRICS = "[\"campaign_name\",\"spend\",\"impressions\",\"clicks\",\"ctr\",\"cpc\",\"cpm\",\"reach\",\"conversion\",\"cost_per_conversion\"]";

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String adv = sim.advertiser(0);

    private JsonNode report(String... kv) {
        Map<String, String> p = params("advertiser_id", adv, "service_type", "AUCTION", "report_type", "BASIC", "data_level", "AUCTION_CAMPAIGN",
                "dimensions", "[\"campaign_id\",\"stat_time_day\"]", "metrics", METRICS, "start_date", "2026-03-01", "end_date", "2026-03-02",
                "page", "1", "page_size", "1000");
        p.putAll(params(kv));
        return sim.get("/report/integrated/get/", token, p);
    }

    @Test
    void dailyCampaignReportReplaysTheReferenceExample() {
        JsonNode data = report().get("data");
        assertThat(data.propertyNames()).containsExactly("list", "page_info");
        assertThat(data.get("list").size()).isPositive();
        JsonNode row = data.get("list").get(0);
        assertThat(row.propertyNames()).containsExactlyInAnyOrder("dimensions", "metrics");
        assertThat(row.get("dimensions").propertyNames()).containsExactly("campaign_id", "stat_time_day");
        assertThat(row.get("dimensions").get("stat_time_day").asString()).matches("2026-03-0[12] 00:00:00");
        assertThat(row.get("metrics").propertyNames()).containsExactly("campaign_name", "spend", "impressions", "clicks", "ctr", "cpc", "cpm", "reach",
                "conversion", "cost_per_conversion");
        for (JsonNode r : data.get("list")) {
            JsonNode m = r.get("metrics");
            m.values().forEach(v -> assertThat(v.isString()).isTrue());
            assertThat(m.get("spend").asString()).matches("\\d+\\.\\d\\d");
            long imp = Long.parseLong(m.get("impressions").asString());
            long clk = Long.parseLong(m.get("clicks").asString());
            BigDecimal spend = new BigDecimal(m.get("spend").asString());
            if (imp > 0) {
                assertThat(new BigDecimal(m.get("ctr").asString())).isEqualByComparingTo(BigDecimal.valueOf(clk * 100.0 / imp).setScale(2, java.math.RoundingMode.HALF_UP));
                assertThat(new BigDecimal(m.get("cpm").asString())).isCloseTo(spend.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(imp), 2,
                        java.math.RoundingMode.HALF_UP), org.assertj.core.data.Offset.offset(new BigDecimal("0.011")));
                assertThat(Long.parseLong(m.get("reach").asString())).isLessThanOrEqualTo(imp);
            }
            if (m.get("conversion").asString().equals("0")) {
                assertThat(m.get("cost_per_conversion").asString()).isEqualTo("0.00");
            }
        }
    }

    @Test
    void invalidMetricsAreNamedInTikToksMessage() {
        JsonNode res = report("metrics", "[\"spend\",\"voucher_spend\",\"cash_spend\"]");
        assertThat(res.get("code").asInt()).isEqualTo(40002);
        assertThat(res.get("message").asString())
                .isEqualTo("Please correct the information in invalid metric fields and try again. Invalid metric fields: ['voucher_spend', 'cash_spend'].");
        JsonNode advertiserLevel = report("data_level", "AUCTION_ADVERTISER", "dimensions", "[\"advertiser_id\",\"stat_time_day\"]",
                "metrics", "[\"spend\",\"voucher_spend\",\"cash_spend\"]");
        assertThat(advertiserLevel.get("code").asInt()).isZero();
        JsonNode m = advertiserLevel.get("data").get("list").get(0).get("metrics");
        assertThat(new BigDecimal(m.get("cash_spend").asString()).add(new BigDecimal(m.get("voucher_spend").asString())))
                .isEqualByComparingTo(new BigDecimal(m.get("spend").asString()));
        assertThat(report("metrics", "[\"placement\"]").get("message").asString()).endsWith("Invalid metric fields: ['placement'].");
    }

    @Test
    void spanAndDimensionRulesAnswer40002() {
        assertThat(report("end_date", "2026-03-31").get("message").asString()).isEqualTo("max time span is 30 days when use stat_time_day");
        assertThat(report("end_date", "2026-03-30").get("code").asInt()).isZero();
        assertThat(report("dimensions", "[\"campaign_id\",\"stat_time_hour\"]").get("message").asString())
                .isEqualTo("max time span is 1 day when use stat_time_hour");
        assertThat(report("dimensions", "[\"campaign_id\"]", "end_date", "2027-03-01").get("code").asInt()).isEqualTo(40002);
        JsonNode audienceHourly = report("report_type", "AUDIENCE", "dimensions", "[\"campaign_id\",\"stat_time_hour\",\"gender\"]", "end_date", "2026-03-01",
                "metrics", "[\"spend\"]");
        assertThat(audienceHourly.get("message").asString()).isEqualTo("Conflict occurs. The input params including metrics and dimensions have no relation.");
        assertThat(report("dimensions", "[\"ad_id\",\"stat_time_day\"]").get("code").asInt()).isEqualTo(40002);
        assertThat(report("page_size", "1001").get("code").asInt()).isEqualTo(40002);
        assertThat(report("start_date", "2011-12-31", "end_date", "2012-01-02").get("code").asInt()).isEqualTo(40002);
        assertThat(report("report_type", "").get("code").asInt()).isEqualTo(40002);
        String six = "[\"" + String.join("\",\"", sim.control.advertiserIds()) + "\",\"" + adv + "\"]";
        assertThat(report("advertiser_ids", six).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void defaultStatusFilterHidesDeletedEntitiesAndFilterValueIsAJsonString() {
        Map<String, String> wide = params("data_level", "AUCTION_AD", "dimensions", "[\"ad_id\"]", "metrics", "[\"spend\"]",
                "start_date", "2025-03-19", "end_date", "2026-03-17");
        int deletedSeen = 0;
        for (int a = 0; a < 6; a++) {
            Map<String, String> p = new java.util.HashMap<>(wide);
            p.put("advertiser_id", sim.advertiser(a));
            int byDefault = report(flatten(p)).get("data").get("page_info").get("total_number").asInt();
            p.put("filtering", "[{\"field_name\":\"ad_status\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\"STATUS_ALL\\\"]\"}]");
            int all = report(flatten(p)).get("data").get("page_info").get("total_number").asInt();
            assertThat(all).isGreaterThanOrEqualTo(byDefault);
            deletedSeen += all - byDefault;
        }
        assertThat(deletedSeen).isPositive();
    }

    private static String[] flatten(Map<String, String> p) {
        return p.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    @Test
    void lifetimeTotalsAndOrdering() {
        JsonNode lifetime = report("query_lifetime", "true", "dimensions", "[\"campaign_id\"]", "start_date", "", "end_date", "");
        assertThat(lifetime.get("code").asInt()).isZero();
        assertThat(lifetime.get("data").get("list").get(0).get("dimensions").propertyNames()).containsExactly("campaign_id");
        assertThat(report("query_lifetime", "true").get("code").asInt()).isEqualTo(40002);

        JsonNode withTotals = report("enable_total_metrics", "true", "order_field", "spend", "order_type", "DESC").get("data");
        long sum = 0;
        BigDecimal previous = null;
        for (JsonNode r : withTotals.get("list")) {
            sum += Long.parseLong(r.get("metrics").get("impressions").asString());
            BigDecimal spend = new BigDecimal(r.get("metrics").get("spend").asString());
            if (previous != null) {
                assertThat(spend).isLessThanOrEqualTo(previous);
            }
            previous = spend;
        }
        assertThat(withTotals.get("total_metrics").get("impressions").asString()).isEqualTo(Long.toString(sum));
        assertThat(withTotals.get("total_metrics").has("campaign_name")).isFalse();
        sim.control("POST", "/_sim/behaviour", Map.of("sandbox", true));
        assertThat(report("enable_total_metrics", "true").get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void rowsWithoutAnIdDimensionAggregateAndShowDashForAttributes() {
        JsonNode list = report("dimensions", "[\"stat_time_day\"]").get("data").get("list");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("metrics").get("campaign_name").asString()).isEqualTo("-");
        assertThat(report("metrics", "[\"secondary_goal_result\",\"cost_per_secondary_goal_result\"]").get("data").get("list").get(0).get("metrics")
                .get("secondary_goal_result").asString()).isEqualTo("-");
    }

    @Test
    void audienceBreakdownsSplitTheBasicTotalsExactly() {
        JsonNode basic = report("dimensions", "[\"campaign_id\"]", "metrics", "[\"impressions\",\"spend\"]", "enable_total_metrics", "true")
                .get("data").get("total_metrics");
        JsonNode audience = report("report_type", "AUDIENCE", "dimensions", "[\"campaign_id\",\"age\",\"gender\"]", "metrics", "[\"impressions\",\"spend\"]")
                .get("data").get("list");
        long imp = 0;
        BigDecimal spend = BigDecimal.ZERO;
        for (JsonNode r : audience) {
            assertThat(r.get("dimensions").get("age").asString()).startsWith("AGE_");
            assertThat(r.get("dimensions").get("gender").asString()).isIn("MALE", "FEMALE", "NONE");
            imp += Long.parseLong(r.get("metrics").get("impressions").asString());
            spend = spend.add(new BigDecimal(r.get("metrics").get("spend").asString()));
        }
        assertThat(Long.toString(imp)).isEqualTo(basic.get("impressions").asString());
        assertThat(spend).isEqualByComparingTo(new BigDecimal(basic.get("spend").asString()));
        JsonNode country = report("dimensions", "[\"campaign_id\",\"country_code\"]").get("data").get("list").get(0).get("dimensions");
        assertThat(country.get("country_code").asString()).hasSize(2);
    }

    @Test
    void multiAdvertiserReportsCarryCurrencyAndShowCostsWithoutDecimals() {
        JsonNode list = report("advertiser_ids", "[\"" + sim.advertiser(0) + "\",\"" + sim.advertiser(1) + "\"]", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "metrics", "[\"spend\",\"impressions\"]").get("data").get("list");
        assertThat(list.size()).isEqualTo(4);
        for (JsonNode r : list) {
            assertThat(r.get("metrics").get("currency").asString()).isIn("USD", "JPY");
            assertThat(r.get("metrics").get("spend").asString()).matches("\\d+");
            assertThat(r.get("metrics").get("advertiser_id").asString()).isEqualTo(r.get("dimensions").get("advertiser_id").asString());
        }
    }

    @Test
    void multiAdvertiserReportsCanUseUtcDays() {
        String both = "[\"" + sim.advertiser(1) + "\",\"" + sim.advertiser(2) + "\"]";
        String[] base = {"advertiser_ids", both, "data_level", "AUCTION_ADVERTISER", "metrics", "[\"impressions\"]",
                "start_date", "2026-03-10", "end_date", "2026-03-10"};
        JsonNode local = report(concat(base, "dimensions", "[\"advertiser_id\",\"stat_time_day\"]")).get("data").get("list");
        JsonNode utcDaily = report(concat(base, "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "multi_adv_report_in_utc_time", "true"))
                .get("data").get("list");
        JsonNode utcHourly = report(concat(base, "dimensions", "[\"advertiser_id\",\"stat_time_hour\"]", "multi_adv_report_in_utc_time", "true"))
                .get("data").get("list");
        assertThat(utcDaily.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            String advertiser = utcDaily.get(i).get("dimensions").get("advertiser_id").asString();
            long hours = 0;
            for (JsonNode h : utcHourly) {
                if (h.get("dimensions").get("advertiser_id").asString().equals(advertiser)) {
                    assertThat(h.get("dimensions").get("stat_time_hour").asString()).startsWith("2026-03-10 ");
                    hours += Long.parseLong(h.get("metrics").get("impressions").asString());
                }
            }
            assertThat(Long.toString(hours)).isEqualTo(utcDaily.get(i).get("metrics").get("impressions").asString());
            assertThat(utcDaily.get(i).get("metrics").get("impressions").asString()).isNotEqualTo(local.get(i).get("metrics").get("impressions").asString());
        }
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void pagesOfOneQueryAgreeAndWritesAreSeenAtOnce() {
        JsonNode all = report("page_size", "1000").get("data");
        int total = all.get("page_info").get("total_number").asInt();
        assertThat(total).isGreaterThan(2);
        JsonNode second = report("page_size", "2", "page", "2").get("data").get("list");
        assertThat(second.get(0)).isEqualTo(all.get("list").get(2));
        String campaign = all.get("list").get(0).get("dimensions").get("campaign_id").asString();
        sim.post("/campaign/update/", token, Map.of("advertiser_id", adv, "campaign_id", campaign, "campaign_name", "Renamed by a write"));
        assertThat(report("page_size", "2").get("data").get("list").get(0).get("metrics").get("campaign_name").asString()).isEqualTo("Renamed by a write");
    }

    @Test
    void oversizedQueriesAnswer40067() {
        sim.control("POST", "/_sim/limits", Map.of("appQps", 100_000, "advertiserPathQps", 100_000, "queryTooLargeRows", 10));
        JsonNode res = report("data_level", "AUCTION_AD", "dimensions", "[\"ad_id\",\"stat_time_day\"]");
        assertThat(res.get("code").asInt()).isEqualTo(40067);
        assertThat(res.get("message").asString()).startsWith("Your query is too large");
    }

    @Test
    void unknownAdvertiserIsAPermissionError() {
        assertThat(report("advertiser_id", "7100000000000000001").get("code").asInt()).isEqualTo(40001);
        assertThat(report("data_level", "AUCTION_X").get("code").asInt()).isEqualTo(40002);
        assertThat(report("metrics", "[]").get("code").asInt()).isZero();
        assertThat(report("metrics", "[]").get("data").get("list").get(0).get("metrics").propertyNames()).containsExactly("spend", "impressions");
        assertThat(report("dimensions", "[]").get("code").asInt()).isEqualTo(40002);
        assertThat(List.of(report("report_type", "BC").get("code").asInt())).containsExactly(40002);
    }
}
