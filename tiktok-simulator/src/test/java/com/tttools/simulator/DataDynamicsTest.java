package com.tttools.simulator;

import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Data that behaves like real accounts: cross-level sums, restatement, latency, writes in reports, determinism. */
class DataDynamicsTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();

    private JsonNode report(TestSim on, String tok, String adv, String level, String dims, String start, String end, String... extra) {
        Map<String, String> p = params("advertiser_id", adv, "report_type", "BASIC", "data_level", level, "dimensions", dims,
                "metrics", "[\"spend\",\"impressions\",\"clicks\",\"conversion\",\"video_play_actions\",\"likes\",\"purchase\",\"total_purchase_value\",\"engaged_view\"]",
                "start_date", start, "end_date", end, "page_size", "1000");
        p.putAll(params(extra));
        JsonNode res = on.get("/report/integrated/get/", tok, p);
        assertThat(res.get("code").asInt()).as(res.toString()).isZero();
        return res.get("data");
    }

    /** Per day: spend (minor units as BigDecimal) and the integer metrics summed over all rows. */
    private Map<String, List<BigDecimal>> sumsByDay(JsonNode data) {
        Map<String, List<BigDecimal>> out = new TreeMap<>();
        for (JsonNode row : data.get("list")) {
            String day = row.get("dimensions").get("stat_time_day").asString();
            String[] names = {"spend", "impressions", "clicks", "conversion", "video_play_actions", "likes", "purchase", "total_purchase_value", "engaged_view"};
            List<BigDecimal> acc = out.computeIfAbsent(day, k -> new java.util.ArrayList<>(java.util.Collections.nCopies(names.length, BigDecimal.ZERO)));
            for (int i = 0; i < names.length; i++) {
                acc.set(i, acc.get(i).add(new BigDecimal(row.get("metrics").get(names[i]).asString())));
            }
        }
        return out;
    }

    @Test
    void additiveMetricsSumExactlyFromAdToAdvertiser() {
        for (int a : new int[]{0, 1, 2, 3}) {
            String adv = sim.advertiser(a);
            String all = "[{\"field_name\":\"%s_status\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\"STATUS_ALL\\\"]\"}]";
            Map<String, List<BigDecimal>> advertiser = sumsByDay(report(sim, token, adv, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_day\"]",
                    "2026-02-16", "2026-03-17"));
            Map<String, List<BigDecimal>> campaigns = sumsByDay(report(sim, token, adv, "AUCTION_CAMPAIGN", "[\"campaign_id\",\"stat_time_day\"]",
                    "2026-02-16", "2026-03-17", "filtering", all.formatted("campaign")));
            Map<String, List<BigDecimal>> adgroups = sumsByDay(report(sim, token, adv, "AUCTION_ADGROUP", "[\"adgroup_id\",\"stat_time_day\"]",
                    "2026-02-16", "2026-03-17", "filtering", all.formatted("adgroup")));
            Map<String, List<BigDecimal>> ads = sumsByDay(report(sim, token, adv, "AUCTION_AD", "[\"ad_id\",\"stat_time_day\"]",
                    "2026-02-16", "2026-03-17", "filtering", all.formatted("ad")));
            assertThat(advertiser).as("advertiser " + a).isNotEmpty();
            assertThat(campaigns).as("campaigns of " + a).isEqualTo(advertiser);
            assertThat(adgroups).as("ad groups of " + a).isEqualTo(advertiser);
            assertThat(ads).as("ads of " + a).isEqualTo(advertiser);
        }
    }

    @Test
    void zeroDecimalCurrenciesReportWholeAmounts() {
        for (int a : new int[]{1, 3}) {
            JsonNode list = report(sim, token, sim.advertiser(a), "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_day\"]", "2026-03-01", "2026-03-10")
                    .get("list");
            assertThat(list.size()).isPositive();
            list.forEach(r -> assertThat(r.get("metrics").get("spend").asString()).endsWith(".00"));
        }
    }

    @Test
    void hourlyRowsOfADaySumToItsDailyRow() {
        String adv = sim.advertiser(2);
        JsonNode daily = report(sim, token, adv, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_day\"]", "2026-03-10", "2026-03-10");
        JsonNode hourly = report(sim, token, adv, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_hour\"]", "2026-03-10", "2026-03-10");
        assertThat(hourly.get("list").size()).isBetween(2, 24);
        long imp = 0;
        BigDecimal spend = BigDecimal.ZERO;
        for (JsonNode r : hourly.get("list")) {
            assertThat(r.get("dimensions").get("stat_time_hour").asString()).matches("2026-03-10 \\d\\d:00:00");
            imp += Long.parseLong(r.get("metrics").get("impressions").asString());
            spend = spend.add(new BigDecimal(r.get("metrics").get("spend").asString()));
        }
        JsonNode day = daily.get("list").get(0).get("metrics");
        assertThat(Long.toString(imp)).isEqualTo(day.get("impressions").asString());
        assertThat(spend).isEqualByComparingTo(new BigDecimal(day.get("spend").asString()));
    }

    private long total(JsonNode data, String metric) {
        long sum = 0;
        for (JsonNode r : data.get("list")) {
            sum += Long.parseLong(r.get("metrics").get(metric).asString());
        }
        return sum;
    }

    @Test
    void conversionsOfADayKeepRisingForDaysThenSettle() {
        JsonNode first = allAdvertisers("2026-03-10", "2026-03-16");
        sim.control.advance(Duration.ofDays(2));
        JsonNode later = allAdvertisers("2026-03-10", "2026-03-16");
        sim.control.advance(Duration.ofDays(7));
        JsonNode settled = allAdvertisers("2026-03-10", "2026-03-16");
        sim.control.advance(Duration.ofDays(5));
        JsonNode stillSettled = allAdvertisers("2026-03-10", "2026-03-16");

        assertThat(total(later, "conversion")).isGreaterThan(total(first, "conversion"));
        assertThat(total(settled, "conversion")).isGreaterThan(total(later, "conversion"));
        assertThat(total(stillSettled, "conversion")).isEqualTo(total(settled, "conversion"));
        assertThat(total(settled, "impressions")).isEqualTo(total(first, "impressions"));
        Map<String, Long> before = perRow(first);
        perRow(later).forEach((k, v) -> assertThat(v).isGreaterThanOrEqualTo(before.get(k)));
    }

    /** Ad-level daily rows of every advertiser, merged into one list. */
    private JsonNode allAdvertisers(String start, String end) {
        tools.jackson.databind.node.ArrayNode rows = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int a = 0; a < 6; a++) {
            report(sim, token, sim.advertiser(a), "AUCTION_AD", "[\"ad_id\",\"stat_time_day\"]", start, end).get("list").forEach(rows::add);
        }
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("list", rows);
    }

    private static Map<String, Long> perRow(JsonNode data) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode r : data.get("list")) {
            out.put(r.get("dimensions").toString(), Long.parseLong(r.get("metrics").get("conversion").asString()));
        }
        return out;
    }

    @Test
    void theMostRecentHoursAreNotYetReported() {
        // 10:30Z is 19:30 in Tokyo; with 3 h latency the hours up to 15:00-16:00 local are visible
        String tokyo = sim.advertiser(1);
        JsonNode today = report(sim, token, tokyo, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_hour\"]", "2026-03-18", "2026-03-18");
        assertThat(lastHour(today)).isEqualTo("2026-03-18 15:00:00");
        // Los Angeles is at 03:30 on the 18th: nothing of its day is reported yet, but the 17th is
        String la = sim.advertiser(0);
        assertThat(report(sim, token, la, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_day\"]", "2026-03-18", "2026-03-18").get("list").size()).isZero();
        assertThat(report(sim, token, la, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_day\"]", "2026-03-17", "2026-03-17").get("list").size()).isOne();
        sim.control.advance(Duration.ofHours(2));
        JsonNode later = report(sim, token, tokyo, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_hour\"]", "2026-03-18", "2026-03-18");
        assertThat(lastHour(later)).isEqualTo("2026-03-18 17:00:00");
        sim.control("POST", "/_sim/behaviour", Map.of("reportLatency", "PT0S"));
        assertThat(lastHour(report(sim, token, tokyo, "AUCTION_ADVERTISER", "[\"advertiser_id\",\"stat_time_hour\"]", "2026-03-18", "2026-03-18")))
                .isEqualTo("2026-03-18 20:00:00");
    }

    private static String lastHour(JsonNode data) {
        JsonNode list = data.get("list");
        return list.get(list.size() - 1).get("dimensions").get("stat_time_hour").asString();
    }

    @Test
    void statusAndBudgetWritesShowInLaterReports() {
        TestSim control = TestSim.start();
        String controlToken = control.authorizeAll();
        String adv = sim.advertiser(0);
        JsonNode delivering = report(sim, token, adv, "AUCTION_CAMPAIGN", "[\"campaign_id\"]", "2026-03-16", "2026-03-17");
        List<String> ids = new java.util.ArrayList<>();
        delivering.get("list").forEach(r -> ids.add(r.get("dimensions").get("campaign_id").asString()));
        assertThat(ids.size()).isGreaterThanOrEqualTo(2);
        String budgeted = null;
        for (JsonNode c : sim.get("/campaign/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list")) {
            if (ids.contains(c.get("campaign_id").asString()) && c.get("budget_mode").asString().equals("BUDGET_MODE_DAY")) {
                budgeted = c.get("campaign_id").asString();
            }
        }
        assertThat(budgeted).isNotNull();
        String stopped = ids.get(0).equals(budgeted) ? ids.get(1) : ids.get(0);
        double budget = sim.get("/campaign/get/", token, params("advertiser_id", adv, "filtering", "{\"campaign_ids\":[\"" + budgeted + "\"]}"))
                .get("data").get("list").get(0).get("budget").asDouble();

        sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", List.of(stopped), "operation_status", "DISABLE"));
        sim.post("/campaign/update/", token, Map.of("advertiser_id", adv, "campaign_id", budgeted, "budget", budget * 2));
        sim.control.advance(Duration.ofDays(4));
        control.control.advance(Duration.ofDays(4));

        Map<String, Long> after = perCampaign(report(sim, token, adv, "AUCTION_CAMPAIGN", "[\"campaign_id\"]", "2026-03-19", "2026-03-20"));
        Map<String, Long> base = perCampaign(report(control, controlToken, adv, "AUCTION_CAMPAIGN", "[\"campaign_id\"]", "2026-03-19", "2026-03-20"));
        assertThat(after).doesNotContainKey(stopped);
        assertThat(base).containsKey(stopped);
        assertThat((double) after.get(budgeted) / base.get(budgeted)).isBetween(1.9, 2.1);
    }

    private static Map<String, Long> perCampaign(JsonNode data) {
        Map<String, Long> out = new HashMap<>();
        data.get("list").forEach(r -> out.put(r.get("dimensions").get("campaign_id").asString(), Long.parseLong(r.get("metrics").get("impressions").asString())));
        return out;
    }

    @Test
    void sameSeedAndScaleGiveTheSameWorldAndAnotherSeedDoesNot() {
        TestSim twin = TestSim.start();
        String twinToken = twin.authorizeAll();
        assertThat(twin.control.advertiserIds()).isEqualTo(sim.control.advertiserIds());
        JsonNode a = report(sim, token, sim.advertiser(4), "AUCTION_AD", "[\"ad_id\",\"stat_time_day\"]", "2026-03-01", "2026-03-17").get("list");
        JsonNode b = report(twin, twinToken, twin.advertiser(4), "AUCTION_AD", "[\"ad_id\",\"stat_time_day\"]", "2026-03-01", "2026-03-17").get("list");
        assertThat(a).isEqualTo(b);
        JsonNode reset = sim.control("POST", "/_sim/reset", Map.of("seed", 7, "scale", "small"));
        assertThat(reset.get("seed").asLong()).isEqualTo(7);
        assertThat(sim.control.advertiserIds()).isNotEqualTo(twin.control.advertiserIds());
        sim.control("POST", "/_sim/reset", Map.of("seed", 42));
        assertThat(sim.control.advertiserIds()).isEqualTo(twin.control.advertiserIds());
    }

    @Test
    void campaignsHaveFlightsAndStatusHistory() {
        int withEnd = 0;
        int paused = 0;
        for (int a = 0; a < 6; a++) {
            for (JsonNode g : sim.get("/adgroup/get/", token, params("advertiser_id", sim.advertiser(a), "page_size", "1000",
                    "filtering", "{\"primary_status\":\"STATUS_ALL\"}")).get("data").get("list")) {
                if (g.get("schedule_type").asString().equals("SCHEDULE_START_END")) {
                    withEnd++;
                }
                if (!g.get("modify_time").asString().equals(g.get("create_time").asString())) {
                    paused++;
                }
            }
        }
        assertThat(withEnd).isPositive();
        assertThat(paused).isPositive();
    }
}
