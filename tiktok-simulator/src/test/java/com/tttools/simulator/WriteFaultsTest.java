package com.tttools.simulator;

import static com.tttools.simulator.TestSim.API;
import static com.tttools.simulator.TestSim.body;
import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.tttools.simulator.core.Json;

import tools.jackson.databind.JsonNode;

/** Faults aimed at writes: the n-th write, writes naming given ids, and answers lost after the write was applied. */
class WriteFaultsTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String adv = sim.advertiser(0);
    private final List<String> ads = deliveringAds();

    private List<String> deliveringAds() {
        JsonNode list = sim.get("/ad/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data").get("list");
        List<String> out = new ArrayList<>();
        list.forEach(ad -> {
            if (ad.get("operation_status").asString().equals("ENABLE")) {
                out.add(ad.get("ad_id").asString());
            }
        });
        return out;
    }

    private JsonNode pause(List<String> ids) {
        return sim.post("/ad/status/update/", token, body("advertiser_id", adv, "ad_ids", ids, "operation_status", "DISABLE"));
    }

    private String status(String ad) {
        return sim.get("/ad/get/", token, params("advertiser_id", adv, "filtering", "{\"ad_ids\":[\"" + ad + "\"]}"))
                .get("data").get("list").get(0).get("operation_status").asString();
    }

    private JsonNode writes() {
        return sim.control("GET", "/_sim/writes", null);
    }

    @Test
    void theNthWriteFailsAndReadsAreLeftAlone() {
        sim.control("POST", "/_sim/faults", Map.of("writes", true, "after", 2, "next", 1, "code", 50000));
        assertThat(sim.get("/ad/get/", token, params("advertiser_id", adv)).get("code").asInt()).isZero();
        assertThat(pause(ads.subList(0, 1)).get("code").asInt()).isZero();
        assertThat(pause(ads.subList(1, 2)).get("code").asInt()).isZero();
        JsonNode third = pause(ads.subList(2, 3));
        assertThat(third.get("code").asInt()).isEqualTo(50000);
        assertThat(third.get("message").asString()).isEqualTo("System error.");
        assertThat(status(ads.get(2))).isEqualTo("ENABLE");
        assertThat(pause(ads.subList(2, 3)).get("code").asInt()).isZero();
        assertThat(status(ads.get(2))).isEqualTo("DISABLE");
        JsonNode log = writes().get("log");
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.get(2).get("answer").asString()).isEqualTo("50000");
        assertThat(log.get(2).get("applied").size()).isZero();
        assertThat(sim.control("GET", "/_sim/faults", null).get("faults").size()).isZero();
    }

    @Test
    void aFaultOnIdsFailsOnlyTheCallsNamingThem() {
        String poisoned = ads.get(15);
        sim.control("POST", "/_sim/faults", Map.of("ids", List.of(poisoned), "code", 40002, "message", "ad_ids: injected failure."));
        JsonNode first = pause(ads.subList(0, 10));
        JsonNode second = pause(ads.subList(10, 18));
        assertThat(first.get("code").asInt()).isZero();
        assertThat(second.get("code").asInt()).isEqualTo(40002);
        assertThat(second.get("message").asString()).isEqualTo("ad_ids: injected failure.");
        assertThat(status(ads.get(0))).isEqualTo("DISABLE");
        assertThat(status(ads.get(10))).isEqualTo("ENABLE");
        // the rule keeps firing for that id until cleared
        assertThat(pause(List.of(poisoned)).get("code").asInt()).isEqualTo(40002);
        JsonNode perPath = writes().get("per_path").get("/ad/status/update/");
        assertThat(perPath.get("requests").asInt()).isEqualTo(3);
        assertThat(perPath.get("applied_ids").asInt()).isEqualTo(10);
    }

    @Test
    void idFaultsMatchBudgetItemsAndSingleIds() {
        String adgroup = sim.get("/adgroup/get/", token, params("advertiser_id", adv)).get("data").get("list").get(0).get("adgroup_id").asString();
        sim.control("POST", "/_sim/faults", Map.of("ids", List.of(adgroup), "code", 40100));
        assertThat(sim.post("/adgroup/budget/update/", token, body("advertiser_id", adv, "budget", List.of(Map.of("adgroup_id", adgroup, "budget", 90))))
                .get("code").asInt()).isEqualTo(40100);
        assertThat(sim.post("/adgroup/update/", token, body("advertiser_id", adv, "adgroup_id", adgroup, "budget", 90)).get("code").asInt()).isEqualTo(40100);
        assertThat(sim.post("/adgroup/status/update/", token, body("advertiser_id", adv, "adgroup_ids", List.of(adgroup), "operation_status", "DISABLE"))
                .get("code").asInt()).isEqualTo(40100);
        assertThat(writes().get("applied_per_id").size()).isZero();
    }

    @Test
    void afterApplyChangesTheEntityButLosesTheAnswer() {
        sim.control("POST", "/_sim/faults", Map.of("writes", true, "next", 1, "httpStatus", 504, "afterApply", true));
        MockHttpServletResponse res = sim.raw(MockMvcRequestBuilders.post(API + "/ad/status/update/").header("Access-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content(Json.string(body("advertiser_id", adv, "ad_ids", ads.subList(0, 2), "operation_status", "DISABLE"))));
        assertThat(res.getStatus()).isEqualTo(504);
        assertThat(status(ads.get(0))).isEqualTo("DISABLE");
        JsonNode writes = writes();
        assertThat(writes.get("applied_per_id").get(ads.get(1)).asInt()).isEqualTo(1);
        assertThat(writes.get("log").get(0).get("answer").asString()).isEqualTo("http_504");

        sim.control("POST", "/_sim/faults", Map.of("writes", true, "next", 1, "code", 50000, "afterApply", true));
        assertThat(pause(ads.subList(0, 1)).get("code").asInt()).isEqualTo(50000);
        assertThat(writes().get("applied_per_id").get(ads.get(0)).asInt()).isEqualTo(2);
    }

    @Test
    void theInJvmFaultBuilderSpeaksTheSameRules() {
        sim.control.addFault(SimulatorControl.Fault.code(40100).onWrites().after(1).forNext(1));
        sim.control.addFault(SimulatorControl.Fault.code(40002).onIds(List.of(ads.get(5))));
        assertThat(pause(ads.subList(0, 1)).get("code").asInt()).isZero();
        assertThat(pause(ads.subList(1, 2)).get("code").asInt()).isEqualTo(40100);
        assertThat(pause(ads.subList(1, 2)).get("code").asInt()).isZero();
        assertThat(pause(ads.subList(4, 6)).get("code").asInt()).isEqualTo(40002);
        assertThat(sim.control("GET", "/_sim/stats", null).get("faults_injected").get("code_40100").asInt()).isEqualTo(1);
    }

    @Test
    void badWriteFaultRulesAreRefused() {
        MockHttpServletResponse res = sim.raw(MockMvcRequestBuilders.post("/_sim/faults").contentType(MediaType.APPLICATION_JSON)
                .content(Json.string(Map.of("writes", true, "afterApply", true, "latencyMs", 10))));
        assertThat(res.getStatus()).isEqualTo(400);
        MockHttpServletResponse negative = sim.raw(MockMvcRequestBuilders.post("/_sim/faults").contentType(MediaType.APPLICATION_JSON)
                .content(Json.string(Map.of("writes", true, "after", -1, "code", 50000))));
        assertThat(negative.getStatus()).isEqualTo(400);
    }
}
