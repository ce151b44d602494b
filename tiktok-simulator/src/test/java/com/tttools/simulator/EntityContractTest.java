package com.tttools.simulator;

import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Reference sections 4.4-4.7 and 5: listing with JSON-encoded filters, default status filters, and writes. */
class EntityContractTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String adv = sim.advertiser(0);

    private JsonNode campaigns(String... extra) {
        Map<String, String> p = params("advertiser_id", adv, "page", "1", "page_size", "1000");
        p.putAll(params(extra));
        return sim.get("/campaign/get/", token, p);
    }

    @Test
    void campaignGetReplaysTheReferenceExample() {
        JsonNode data = campaigns("filtering", "{\"buying_types\": [\"AUCTION\"]}").get("data");
        JsonNode c = data.get("list").get(0);
        assertThat(c.propertyNames()).contains("advertiser_id", "campaign_id", "campaign_name", "campaign_type", "objective_type", "budget",
                "budget_mode", "operation_status", "secondary_status", "is_new_structure", "is_smart_performance_campaign", "create_time", "modify_time");
        assertThat(c.get("campaign_id").isString()).isTrue();
        assertThat(c.get("campaign_id").asString()).matches("\\d{16,19}");
        assertThat(c.get("budget").isNumber()).isTrue();
        assertThat(c.get("create_time").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(c.get("rf_campaign_type").isNull()).isTrue();
        JsonNode info = data.get("page_info");
        assertThat(info.get("page_size").asInt()).isEqualTo(1000);
        assertThat(info.get("total_page").asInt()).isEqualTo(1);
        assertThat(info.get("total_number").asInt()).isEqualTo(data.get("list").size());
    }

    @Test
    void pageSizeAbove1000AndBadJsonAreInvalidParameters() {
        assertThat(campaigns("page_size", "1001").get("code").asInt()).isEqualTo(40002);
        assertThat(campaigns("filtering", "{campaign_ids:").get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void pagingSlicesAndPagesBeyondTheEndAreEmpty() {
        int total = campaigns().get("data").get("page_info").get("total_number").asInt();
        JsonNode page2 = campaigns("page_size", "2", "page", "2").get("data");
        assertThat(page2.get("page_info").get("total_page").asInt()).isEqualTo((total + 1) / 2);
        assertThat(page2.get("list").size()).isEqualTo(Math.min(2, total - 2));
        JsonNode beyond = campaigns("page_size", "2", "page", "99").get("data");
        assertThat(beyond.get("list").size()).isZero();
        assertThat(beyond.get("page_info").get("total_number").asInt()).isEqualTo(total);
    }

    @Test
    void emptyResultsUseTheConfiguredTotalPage() {
        JsonNode none = campaigns("filtering", "{\"campaign_ids\": [\"1\"]}").get("data").get("page_info");
        assertThat(none.get("total_number").asInt()).isZero();
        assertThat(none.get("total_page").asInt()).isZero();
        sim.control("POST", "/_sim/behaviour", Map.of("emptyTotalPage", 1));
        assertThat(campaigns("filtering", "{\"campaign_ids\": [\"1\"]}").get("data").get("page_info").get("total_page").asInt()).isEqualTo(1);
    }

    @Test
    void fieldsProjectionAndNullFieldExclusion() {
        JsonNode c = campaigns("fields", "[\"campaign_id\",\"campaign_name\",\"po_number\"]").get("data").get("list").get(0);
        assertThat(c.propertyNames()).containsExactly("campaign_id", "campaign_name", "po_number");
        JsonNode dropped = campaigns("fields", "[\"campaign_id\",\"po_number\"]", "exclude_field_types_in_response", "[\"NULL_FIELD\"]")
                .get("data").get("list").get(0);
        assertThat(dropped.propertyNames()).containsExactly("campaign_id");
    }

    @Test
    void deletedEntitiesAreHiddenUnlessStatusAll() {
        for (String path : List.of("/campaign/get/", "/adgroup/get/", "/ad/get/")) {
            int visible = 0;
            int all = 0;
            int deleted = 0;
            for (int a = 0; a < 6; a++) {
                String id = sim.advertiser(a);
                visible += sim.get(path, token, params("advertiser_id", id, "page_size", "1000")).get("data").get("page_info").get("total_number").asInt();
                JsonNode everything = sim.get(path, token, params("advertiser_id", id, "page_size", "1000",
                        "filtering", "{\"primary_status\":\"STATUS_ALL\",\"buying_types\":[\"AUCTION\",\"RESERVATION_RF\"]}")).get("data");
                all += everything.get("page_info").get("total_number").asInt();
                for (JsonNode e : everything.get("list")) {
                    if (e.get("secondary_status").asString().contains("DELETE")) {
                        deleted++;
                    }
                }
            }
            assertThat(deleted).as(path).isPositive();
            assertThat(all).as(path).isEqualTo(visible + deleted);
        }
    }

    @Test
    void buyingTypesDefaultFollowsConfiguration() {
        int byDefault = 0;
        int auctionOnly = 0;
        int withTopView = 0;
        for (int a = 0; a < 6; a++) {
            String id = sim.advertiser(a);
            byDefault += total(sim.get("/campaign/get/", token, params("advertiser_id", id, "filtering", "{\"primary_status\":\"STATUS_ALL\"}")));
            auctionOnly += total(sim.get("/campaign/get/", token, params("advertiser_id", id,
                    "filtering", "{\"primary_status\":\"STATUS_ALL\",\"buying_types\":[\"AUCTION\"]}")));
            withTopView += total(sim.get("/campaign/get/", token, params("advertiser_id", id,
                    "filtering", "{\"primary_status\":\"STATUS_ALL\",\"buying_types\":[\"RESERVATION_TOP_VIEW\"]}")));
        }
        assertThat(byDefault).isGreaterThan(auctionOnly);
        assertThat(withTopView).isPositive();
        assertThat(sim.get("/campaign/get/", token, params("advertiser_id", adv,
                "filtering", "{\"buying_types\":[\"RESERVATION_TOP_VIEW\",\"AUCTION\"]}")).get("code").asInt()).isEqualTo(40002);
        sim.control("POST", "/_sim/behaviour", Map.of("defaultBuyingTypes", List.of("AUCTION")));
        int afterSwitch = 0;
        for (int a = 0; a < 6; a++) {
            afterSwitch += total(sim.get("/campaign/get/", token, params("advertiser_id", sim.advertiser(a), "filtering", "{\"primary_status\":\"STATUS_ALL\"}")));
        }
        assertThat(afterSwitch).isEqualTo(auctionOnly);
    }

    @Test
    void allCampaignsComeFromTheAdsPlatform() {
        int all = total(campaigns());
        assertThat(total(campaigns("filtering", "{\"campaign_system_origins\":[\"TT_ADS_PLATFORM\",\"PROMOTE\"]}"))).isEqualTo(all);
        assertThat(total(campaigns("filtering", "{\"campaign_system_origins\":[\"PROMOTE\"]}"))).isZero();
    }

    private static int total(JsonNode res) {
        return res.get("data").get("page_info").get("total_number").asInt();
    }

    @Test
    void sandboxAndSmartPlusKnobs() {
        sim.control("POST", "/_sim/behaviour", Map.of("sandbox", true, "smartPlusShareWithoutModifyTime", 0.5));
        assertThat(campaigns().get("data").get("list").get(0).has("secondary_status")).isFalse();
        assertThat(sim.get("/oauth2/advertiser/get/", token, params("app_id", TestSim.APP, "secret", TestSim.SECRET)).get("code").asInt()).isEqualTo(40001);
        int without = 0;
        JsonNode ads = sim.get("/ad/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list");
        for (JsonNode ad : ads) {
            without += ad.has("modify_time") ? 0 : 1;
        }
        assertThat(without).isPositive().isLessThan(ads.size());
        sim.control("POST", "/_sim/behaviour", Map.of("sandbox", false, "smartPlusShareWithoutModifyTime", 0.0));
        assertThat(campaigns().get("data").get("list").get(0).has("secondary_status")).isTrue();
    }

    @Test
    void adgroupsAndAdsCarryTheirParentsAndFilterById() {
        JsonNode ag = sim.get("/adgroup/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list").get(0);
        assertThat(ag.propertyNames()).contains("campaign_id", "adgroup_id", "adgroup_name", "budget_mode", "schedule_start_time", "optimization_goal",
                "billing_event", "placement_type", "location_ids", "age_groups");
        JsonNode ads = sim.get("/ad/get/", token, params("advertiser_id", adv, "filtering", "{\"adgroup_ids\":[\"" + ag.get("adgroup_id").asString() + "\"]}"))
                .get("data").get("list");
        for (JsonNode ad : ads) {
            assertThat(ad.get("adgroup_id").asString()).isEqualTo(ag.get("adgroup_id").asString());
            assertThat(ad.propertyNames()).contains("ad_id", "ad_name", "ad_format", "ad_text", "call_to_action", "identity_id", "is_aco");
        }
    }

    @Test
    void writesChangeStateBumpModifyTimeAndFilterByModifiedAfter() {
        JsonNode list = sim.get("/ad/get/", token, params("advertiser_id", adv, "page_size", "1000",
                "filtering", "{\"secondary_status\":\"AD_STATUS_DELIVERY_OK\"}")).get("data").get("list");
        String adId = list.get(0).get("ad_id").asString();
        sim.control.advance(Duration.ofMinutes(5));
        String mark = "2026-03-18 10:33:00";
        JsonNode status = sim.post("/ad/status/update/", token, Map.of("advertiser_id", adv, "ad_ids", List.of(adId), "operation_status", "DISABLE"));
        assertThat(status.get("data").get("status").asString()).isEqualTo("DISABLE");
        assertThat(status.get("data").get("ad_ids").get(0).asString()).isEqualTo(adId);
        JsonNode changed = sim.get("/ad/get/", token, params("advertiser_id", adv, "filtering", "{\"modified_after\":\"" + mark + "\"}")).get("data").get("list");
        assertThat(changed.size()).isEqualTo(1);
        assertThat(changed.get(0).get("operation_status").asString()).isEqualTo("DISABLE");
        assertThat(changed.get(0).get("secondary_status").asString()).isEqualTo("AD_STATUS_DISABLE");
        assertThat(changed.get(0).get("modify_time").asString()).isEqualTo("2026-03-18 10:35:00");
    }

    @Test
    void campaignStatusUpdateReplaysTheReferenceExampleAndDeleteIsTerminal() {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : campaigns().get("data").get("list")) {
            if (ids.size() < 2) {
                ids.add(c.get("campaign_id").asString());
            }
        }
        JsonNode res = sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", ids, "operation_status", "DISABLE"));
        assertThat(res.get("data").propertyNames()).containsExactly("campaign_ids", "status", "campaign_list");
        assertThat(res.get("data").get("campaign_list").get(1).get("campaign_id").asString()).isEqualTo(ids.get(1));
        JsonNode ag = sim.get("/adgroup/get/", token, params("advertiser_id", adv, "filtering", "{\"campaign_ids\":[\"" + ids.get(0) + "\"]}"))
                .get("data").get("list");
        if (ag.size() > 0) {
            assertThat(ag.get(0).get("secondary_status").asString()).isIn("ADGROUP_STATUS_CAMPAIGN_DISABLE", "ADGROUP_STATUS_DELETE");
        }
        assertThat(sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", List.of(ids.get(0)), "operation_status", "DELETE"))
                .get("code").asInt()).isZero();
        JsonNode again = sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", List.of(ids.get(0)), "operation_status", "ENABLE"));
        assertThat(again.get("code").asInt()).isEqualTo(40002);
        assertThat(campaigns("filtering", "{\"campaign_ids\":[\"" + ids.get(0) + "\"]}").get("data").get("list").size()).isZero();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(ids.get(1));
        }
        assertThat(sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", tooMany, "operation_status", "ENABLE"))
                .get("code").asInt()).isEqualTo(40002);
        sim.control("POST", "/_sim/behaviour", Map.of("maxIdsPerWrite", 1));
        assertThat(sim.post("/campaign/status/update/", token, Map.of("advertiser_id", adv, "campaign_ids", tooMany.subList(0, 2), "operation_status", "ENABLE"))
                .get("message").asString()).isEqualTo("campaign_ids: Length must be between 1 and 1.");
    }

    @Test
    void adgroupStatusUpdateReportsPartialFailures() {
        String mine = sim.get("/adgroup/get/", token, params("advertiser_id", adv)).get("data").get("list").get(0).get("adgroup_id").asString();
        String foreign = sim.get("/adgroup/get/", token, params("advertiser_id", sim.advertiser(1))).get("data").get("list").get(0).get("adgroup_id").asString();
        JsonNode res = sim.post("/adgroup/status/update/", token, Map.of("advertiser_id", adv, "adgroup_ids", List.of(mine, foreign),
                "operation_status", "ENABLE", "allow_partial_success", true)).get("data");
        assertThat(res.get("adgroup_ids").size()).isEqualTo(1);
        assertThat(res.get("error_list").get(0).get("adgroup_id").asString()).isEqualTo(foreign);
        JsonNode strict = sim.post("/adgroup/status/update/", token, Map.of("advertiser_id", adv, "adgroup_ids", List.of(mine, foreign), "operation_status", "ENABLE"));
        assertThat(strict.get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void budgetUpdatesAreVisibleOnRead() {
        JsonNode withBudget = null;
        for (JsonNode c : campaigns().get("data").get("list")) {
            if (!c.get("budget_mode").asString().equals("BUDGET_MODE_INFINITE")) {
                withBudget = c;
                break;
            }
        }
        assertThat(withBudget).isNotNull();
        String id = withBudget.get("campaign_id").asString();
        sim.control.advance(Duration.ofMinutes(1));
        JsonNode updated = sim.post("/campaign/update/", token, Map.of("advertiser_id", adv, "campaign_id", id, "budget", 250.0)).get("data");
        assertThat(updated.get("campaign_id").asString()).isEqualTo(id);
        assertThat(updated.get("budget").asDouble()).isEqualTo(250.0);
        assertThat(campaigns("filtering", "{\"campaign_ids\":[\"" + id + "\"]}").get("data").get("list").get(0).get("modify_time").asString())
                .isEqualTo("2026-03-18 10:31:00");

        String ag = sim.get("/adgroup/get/", token, params("advertiser_id", adv)).get("data").get("list").get(0).get("adgroup_id").asString();
        JsonNode res = sim.post("/adgroup/budget/update/", token, Map.of("advertiser_id", adv, "budget", List.of(Map.of("adgroup_id", ag, "budget", 75.5))));
        assertThat(res.get("code").asInt()).isZero();
        assertThat(res.get("data").size()).isZero();
        assertThat(sim.get("/adgroup/get/", token, params("advertiser_id", adv, "filtering", "{\"adgroup_ids\":[\"" + ag + "\"]}"))
                .get("data").get("list").get(0).get("budget").asDouble()).isEqualTo(75.5);
    }
}
