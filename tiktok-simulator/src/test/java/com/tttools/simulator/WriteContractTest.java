package com.tttools.simulator;

import static com.tttools.simulator.TestSim.body;
import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Reference section 5 for the writes change sets use: chunk limits, per-id failures, budget minimums per currency,
 * deleted entities, and every change visible in the get endpoints.
 */
class WriteContractTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String usd = sim.advertiser(0);
    private final String jpy = sim.advertiser(1);

    private List<String> ids(String level, String adv, String filtering) {
        JsonNode list = sim.get("/" + level + "/get/", token, params("advertiser_id", adv, "page_size", "1000", "filtering", filtering))
                .get("data").get("list");
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            out.add(e.get(level + "_id").asString());
        }
        return out;
    }

    private JsonNode one(String level, String adv, String id) {
        JsonNode list = sim.get("/" + level + "/get/", token, params("advertiser_id", adv,
                "filtering", "{\"" + level + "_ids\":[\"" + id + "\"],\"primary_status\":\"STATUS_ALL\"}")).get("data").get("list");
        assertThat(list.size()).as(level + " " + id).isEqualTo(1);
        return list.get(0);
    }

    private JsonNode status(String level, String adv, List<String> ids, String operation) {
        return sim.post("/" + level + "/status/update/", token, body("advertiser_id", adv, level + "_ids", ids, "operation_status", operation));
    }

    /** Entities that are not deleted and whose own operation_status is ENABLE. */
    private List<String> enabled(String level, String adv) {
        JsonNode list = sim.get("/" + level + "/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list");
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            if (e.get("operation_status").asString().equals("ENABLE")) {
                out.add(e.get(level + "_id").asString());
            }
        }
        return out;
    }

    /** The advertiser with the most enabled ads (the small world has a few dozen per advertiser). */
    private String busiest() {
        String best = usd;
        for (int i = 0; i < 6; i++) {
            if (enabled("ad", sim.advertiser(i)).size() > enabled("ad", best).size()) {
                best = sim.advertiser(i);
            }
        }
        return best;
    }

    /** An enabled ad whose ad group and campaign are enabled: [campaign, ad group, ad]. */
    private List<String> liveChain(String adv) {
        List<String> campaigns = enabled("campaign", adv);
        List<String> adgroups = enabled("adgroup", adv);
        JsonNode ads = sim.get("/ad/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list");
        for (JsonNode ad : ads) {
            String g = ad.get("adgroup_id").asString();
            String c = ad.get("campaign_id").asString();
            if (ad.get("operation_status").asString().equals("ENABLE") && adgroups.contains(g) && campaigns.contains(c)) {
                return List.of(c, g, ad.get("ad_id").asString());
            }
        }
        throw new AssertionError("no live ad");
    }

    private String campaignWithBudget(String adv) {
        JsonNode list = sim.get("/campaign/get/", token, params("advertiser_id", adv, "page_size", "1000",
                "filtering", "{\"secondary_status\":\"CAMPAIGN_STATUS_ENABLE\"}")).get("data").get("list");
        for (JsonNode c : list) {
            if (!c.get("budget_mode").asString().equals("BUDGET_MODE_INFINITE")) {
                return c.get("campaign_id").asString();
            }
        }
        throw new AssertionError("no campaign with a budget");
    }

    @Test
    void moreThanTwentyIdsOrItemsAreRefusedWithNothingApplied() {
        String adv = busiest();
        List<String> ads = enabled("ad", adv);
        assertThat(ads.size()).isGreaterThanOrEqualTo(21);
        JsonNode tooMany = status("ad", adv, ads.subList(0, 21), "DISABLE");
        assertThat(tooMany.get("code").asInt()).isEqualTo(40002);
        assertThat(tooMany.get("message").asString()).isEqualTo("ad_ids: Length must be between 1 and 20.");
        assertThat(one("ad", adv, ads.get(0)).get("operation_status").asString()).isEqualTo("ENABLE");
        assertThat(status("ad", adv, List.of(), "DISABLE").get("code").asInt()).isEqualTo(40002);
        assertThat(status("ad", adv, ads.subList(0, 20), "DISABLE").get("code").asInt()).isZero();

        List<String> adgroups = ids("adgroup", adv, "{}");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            items.add(Map.of("adgroup_id", adgroups.get(i % adgroups.size()), "budget", 100.0));
        }
        JsonNode budgets = sim.post("/adgroup/budget/update/", token, body("advertiser_id", adv, "budget", items));
        assertThat(budgets.get("message").asString()).isEqualTo("budget: Length must be between 1 and 20.");

        JsonNode writes = sim.control("GET", "/_sim/writes", null).get("per_path");
        assertThat(writes.get("/ad/status/update/").get("requests").asInt()).isEqualTo(3);
        assertThat(writes.get("/ad/status/update/").get("max_ids_per_request").asInt()).isEqualTo(21);
        assertThat(writes.get("/ad/status/update/").get("applied_requests").asInt()).isEqualTo(1);
        assertThat(writes.get("/ad/status/update/").get("applied_ids").asInt()).isEqualTo(20);
        assertThat(writes.get("/adgroup/budget/update/").get("applied_ids").asInt()).isZero();
    }

    @Test
    void oneBadIdFailsTheWholeCallNamingItAndChangesNothing() {
        List<String> campaigns = enabled("campaign", usd);
        String foreign = ids("campaign", jpy, "{}").get(0);
        JsonNode res = status("campaign", usd, List.of(campaigns.get(0), foreign), "DISABLE");
        assertThat(res.get("code").asInt()).isEqualTo(40002);
        assertThat(res.get("message").asString()).contains(foreign).contains("does not belong to this advertiser");
        assertThat(one("campaign", usd, campaigns.get(0)).get("operation_status").asString()).isEqualTo("ENABLE");
        assertThat(sim.control("GET", "/_sim/writes", null).get("applied_per_id").size()).isZero();
    }

    @Test
    void adGroupPartialSuccessListsEachRefusedIdAndAppliesTheRest() {
        List<String> adgroups = enabled("adgroup", usd);
        String deleted = adgroups.get(1);
        assertThat(status("adgroup", usd, List.of(deleted), "DELETE").get("code").asInt()).isZero();
        JsonNode data = sim.post("/adgroup/status/update/", token, body("advertiser_id", usd, "adgroup_ids", List.of(adgroups.get(0), deleted, "123"),
                "operation_status", "DISABLE", "allow_partial_success", true)).get("data");
        assertThat(data.propertyNames()).containsExactly("adgroup_ids", "status", "error_list");
        assertThat(data.get("adgroup_ids").size()).isEqualTo(1);
        assertThat(data.get("adgroup_ids").get(0).asString()).isEqualTo(adgroups.get(0));
        assertThat(data.get("error_list").size()).isEqualTo(2);
        assertThat(data.get("error_list").get(0).get("adgroup_id").asString()).isEqualTo(deleted);
        assertThat(data.get("error_list").get(0).get("error_message").asString()).isEqualTo("The ad group " + deleted + " has been deleted.");
        assertThat(data.get("error_list").get(1).get("adgroup_id").asString()).isEqualTo("123");
        assertThat(one("adgroup", usd, adgroups.get(0)).get("operation_status").asString()).isEqualTo("DISABLE");
        JsonNode applied = sim.control("GET", "/_sim/writes", null).get("applied_per_id");
        assertThat(applied.get(adgroups.get(0)).asInt()).isEqualTo(1);
        assertThat(applied.has("123")).isFalse();
    }

    @Test
    void deletedEntitiesAndChildrenOfDeletedParentsCannotBeChanged() {
        List<String> chain = liveChain(usd);
        String campaign = chain.get(0);
        List<String> adgroups = new ArrayList<>(List.of(chain.get(1)));
        ids("adgroup", usd, "{\"campaign_ids\":[\"" + campaign + "\"]}").stream().filter(g -> !adgroups.contains(g)).forEach(adgroups::add);
        List<String> ads = List.of(chain.get(2));
        assertThat(status("adgroup", usd, List.of(adgroups.get(0)), "DELETE").get("code").asInt()).isZero();
        JsonNode ad = status("ad", usd, List.of(ads.get(0)), "ENABLE");
        assertThat(ad.get("code").asInt()).isEqualTo(40002);
        assertThat(ad.get("message").asString()).isEqualTo("The ad " + ads.get(0) + " belongs to a deleted ad group.");
        JsonNode again = status("adgroup", usd, List.of(adgroups.get(0)), "ENABLE");
        assertThat(again.get("message").asString()).isEqualTo("The ad group " + adgroups.get(0) + " has been deleted.");
        JsonNode budget = sim.post("/adgroup/budget/update/", token, body("advertiser_id", usd, "budget", List.of(Map.of("adgroup_id", adgroups.get(0), "budget", 80))));
        assertThat(budget.get("code").asInt()).isEqualTo(40002);
        assertThat(sim.post("/adgroup/update/", token, body("advertiser_id", usd, "adgroup_id", adgroups.get(0), "budget", 80)).get("code").asInt())
                .isEqualTo(40002);

        assertThat(status("campaign", usd, List.of(campaign), "DELETE").get("code").asInt()).isZero();
        assertThat(status("campaign", usd, List.of(campaign), "DISABLE").get("code").asInt()).isEqualTo(40002);
        assertThat(sim.post("/campaign/update/", token, body("advertiser_id", usd, "campaign_id", campaign, "budget", 500)).get("code").asInt())
                .isEqualTo(40002);
        if (adgroups.size() > 1) {
            assertThat(status("adgroup", usd, List.of(adgroups.get(1)), "DISABLE").get("message").asString())
                    .isEqualTo("The ad group " + adgroups.get(1) + " belongs to a deleted campaign.");
        }
        // deleted entities leave the default listing and show as deleted with STATUS_ALL
        assertThat(ids("campaign", usd, "{\"campaign_ids\":[\"" + campaign + "\"]}")).isEmpty();
        assertThat(one("campaign", usd, campaign).get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_DELETE");
        assertThat(one("ad", usd, ads.get(0)).get("secondary_status").asString()).isEqualTo("AD_STATUS_CAMPAIGN_DELETE");
    }

    @Test
    void budgetsBelowTheCurrencysMinimumAreRefused() {
        String campaign = campaignWithBudget(usd);
        JsonNode low = sim.post("/campaign/update/", token, body("advertiser_id", usd, "campaign_id", campaign, "budget", 49.99));
        assertThat(low.get("code").asInt()).isEqualTo(40002);
        assertThat(low.get("message").asString()).isEqualTo("budget: The budget of campaign " + campaign + " must be at least 50.00 USD.");
        assertThat(sim.post("/campaign/update/", token, body("advertiser_id", usd, "campaign_id", campaign, "budget", 50)).get("code").asInt()).isZero();

        String usdGroup = ids("adgroup", usd, "{}").get(0);
        JsonNode group = sim.post("/adgroup/budget/update/", token, body("advertiser_id", usd, "budget", List.of(Map.of("adgroup_id", usdGroup, "budget", 19.5))));
        assertThat(group.get("message").asString()).isEqualTo("budget: The budget of ad group " + usdGroup + " must be at least 20.00 USD.");

        List<String> yen = ids("adgroup", jpy, "{}");
        JsonNode yenLow = sim.post("/adgroup/budget/update/", token, body("advertiser_id", jpy,
                "budget", List.of(Map.of("adgroup_id", yen.get(0), "budget", 5000), Map.of("adgroup_id", yen.get(1), "budget", 1999))));
        assertThat(yenLow.get("message").asString()).isEqualTo("budget: The budget of ad group " + yen.get(1) + " must be at least 2000 JPY.");
        assertThat(one("adgroup", jpy, yen.get(0)).get("budget").asDouble()).isNotEqualTo(5000.0);
        JsonNode fraction = sim.post("/adgroup/update/", token, body("advertiser_id", jpy, "adgroup_id", yen.get(0), "budget", 2500.5));
        assertThat(fraction.get("message").asString()).isEqualTo("budget: JPY budgets must be whole numbers.");
        JsonNode scheduled = sim.post("/adgroup/budget/update/", token, body("advertiser_id", jpy,
                "schedule_budget", List.of(Map.of("adgroup_id", yen.get(0), "schedule_budget", 100))));
        assertThat(scheduled.get("message").asString()).startsWith("schedule_budget: The budget of ad group");
        assertThat(sim.post("/adgroup/budget/update/", token, body("advertiser_id", jpy, "budget", List.of(Map.of("adgroup_id", yen.get(0), "budget", 2000))))
                .get("code").asInt()).isZero();
    }

    @Test
    void statusChangesShowInTheGetEndpointsWithSecondaryStatusAndModifyTime() {
        List<String> chain = liveChain(usd);
        String campaign = chain.get(0);
        String adgroup = chain.get(1);
        String ad = chain.get(2);
        sim.control.advance(Duration.ofMinutes(7));
        JsonNode res = status("campaign", usd, List.of(campaign), "DISABLE");
        assertThat(res.get("data").get("campaign_list").get(0).get("status").asString()).isEqualTo("DISABLE");

        JsonNode c = one("campaign", usd, campaign);
        assertThat(c.get("operation_status").asString()).isEqualTo("DISABLE");
        assertThat(c.get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_DISABLE");
        assertThat(c.get("modify_time").asString()).isEqualTo("2026-03-18 10:37:00");
        JsonNode g = one("adgroup", usd, adgroup);
        assertThat(g.get("operation_status").asString()).isEqualTo("ENABLE");
        assertThat(g.get("secondary_status").asString()).isEqualTo("ADGROUP_STATUS_CAMPAIGN_DISABLE");
        assertThat(one("ad", usd, ad).get("secondary_status").asString()).isEqualTo("AD_STATUS_CAMPAIGN_DISABLE");

        sim.control.advance(Duration.ofMinutes(1));
        status("campaign", usd, List.of(campaign), "ENABLE");
        status("adgroup", usd, List.of(adgroup), "DISABLE");
        assertThat(one("campaign", usd, campaign).get("secondary_status").asString()).isEqualTo("CAMPAIGN_STATUS_ENABLE");
        JsonNode paused = one("adgroup", usd, adgroup);
        assertThat(paused.get("secondary_status").asString()).isEqualTo("ADGROUP_STATUS_DISABLE");
        assertThat(paused.get("modify_time").asString()).isEqualTo("2026-03-18 10:38:00");
        assertThat(one("ad", usd, ad).get("secondary_status").asString()).isEqualTo("AD_STATUS_ADGROUP_DISABLE");
    }

    @Test
    void budgetChangesShowInTheGetEndpoints() {
        String adgroup = ids("adgroup", usd, "{}").get(0);
        sim.control.advance(Duration.ofMinutes(2));
        JsonNode updated = sim.post("/adgroup/update/", token, body("advertiser_id", usd, "adgroup_id", adgroup, "budget", 123.45)).get("data");
        assertThat(updated.get("adgroup_id").asString()).isEqualTo(adgroup);
        assertThat(updated.get("budget").asDouble()).isEqualTo(123.45);
        JsonNode read = one("adgroup", usd, adgroup);
        assertThat(read.get("budget").asDouble()).isEqualTo(123.45);
        assertThat(read.get("modify_time").asString()).isEqualTo("2026-03-18 10:32:00");
    }

    @Test
    void writeCountersLogAndResetThroughTheControlApi() {
        String adv = busiest();
        List<String> ads = enabled("ad", adv);
        status("ad", adv, ads.subList(0, 20), "DISABLE");
        status("ad", adv, ads.subList(20, 25), "DISABLE");
        status("ad", adv, ads.subList(0, 1), "ENABLE");
        JsonNode writes = sim.control("GET", "/_sim/writes", null);
        JsonNode counts = writes.get("per_path").get("/ad/status/update/");
        assertThat(counts.get("requests").asInt()).isEqualTo(3);
        assertThat(counts.get("ids").asInt()).isEqualTo(26);
        assertThat(counts.get("max_ids_per_request").asInt()).isEqualTo(20);
        assertThat(writes.get("applied_per_id").get(ads.get(0)).asInt()).isEqualTo(2);
        assertThat(writes.get("applied_per_id").get(ads.get(24)).asInt()).isEqualTo(1);
        JsonNode last = writes.get("log").get(2);
        assertThat(last.get("path").asString()).isEqualTo("/ad/status/update/");
        assertThat(last.get("advertiser_id").asString()).isEqualTo(adv);
        assertThat(last.get("request").get("operation_status").asString()).isEqualTo("ENABLE");
        assertThat(last.get("answer").asString()).isEqualTo("0");
        assertThat(sim.control("GET", "/_sim/stats", null).get("writes_per_path").get("/ad/status/update/").get("requests").asInt()).isEqualTo(3);

        assertThat(sim.control("DELETE", "/_sim/writes", null).get("per_path").size()).isZero();
        status("ad", adv, ads.subList(0, 1), "DISABLE");
        sim.control("DELETE", "/_sim/stats", null);
        assertThat(sim.control("GET", "/_sim/writes", null).get("log").size()).isZero();
        status("ad", adv, ads.subList(0, 1), "ENABLE");
        sim.control("POST", "/_sim/reset", Map.of());
        assertThat(sim.control("GET", "/_sim/writes", null).get("applied_per_id").size()).isZero();
    }

    @Test
    void writesCanBeUndoneToAnEarlierState() {
        var world = sim.control.sim().world();
        String campaign = campaignWithBudget(usd);
        double budget = one("campaign", usd, campaign).get("budget").asDouble();
        var before = world.writes();
        status("campaign", usd, List.of(campaign), "DISABLE");
        sim.post("/campaign/update/", token, body("advertiser_id", usd, "campaign_id", campaign, "budget", budget + 100));
        world.restoreWrites(before);
        JsonNode back = one("campaign", usd, campaign);
        assertThat(back.get("operation_status").asString()).isEqualTo("ENABLE");
        assertThat(back.get("budget").asDouble()).isEqualTo(budget);
    }
}
