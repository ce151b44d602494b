package com.tttools.simulator;

import static com.tttools.simulator.TestSim.API;
import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;

/** Rate limits (40100, 40133, QPM cool-down, QPD) and each kind of injected fault. */
class LimitsAndFaultsTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String adv = sim.advertiser(0);

    private int code() {
        return sim.get("/campaign/get/", token, params("advertiser_id", adv)).get("code").asInt();
    }

    @Test
    void aBurstAboveTheAppQpsAnswers40100InBody() {
        sim.control("POST", "/_sim/limits", Map.of("appQps", 10, "advertiserPathQps", 1000));
        int ok = 0;
        int limited = 0;
        String message = null;
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            JsonNode res = sim.get("/user/info/", token, Map.of());
            if (res.get("code").asInt() == 0) {
                ok++;
            } else {
                assertThat(res.get("code").asInt()).isEqualTo(40100);
                message = res.get("message").asString();
                limited++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(limited).isPositive();
        assertThat(ok).isLessThanOrEqualTo(10 + (int) Math.ceil(seconds * 10));
        assertThat(message).isEqualTo("Due to too many requests, requests from App [" + TestSim.APP + "] are temporarily restricted.");
        assertThat(sim.control("GET", "/_sim/stats", null).get("rate_limited").get("40100").asInt()).isEqualTo(limited);
    }

    @Test
    void aBurstOnOneAdvertiserAndPathAnswers40133() {
        sim.control("POST", "/_sim/limits", Map.of("appQps", 1000, "advertiserPathQps", 5));
        String message = null;
        int ok = 0;
        for (int i = 0; i < 25; i++) {
            JsonNode res = sim.get("/campaign/get/", token, params("advertiser_id", adv));
            if (res.get("code").asInt() == 40133) {
                message = res.get("message").asString();
            } else {
                ok++;
            }
        }
        assertThat(message).matches("Advertiser \\(" + adv + "\\)'s QPS \\(\\d+\\) reaches QPS limit 5 for current path, request is temporarily restricted\\.");
        assertThat(ok).isLessThan(25);
        // another path of the same advertiser has its own bucket
        assertThat(sim.get("/adgroup/get/", token, params("advertiser_id", adv)).get("code").asInt()).isZero();
    }

    @Test
    void perMinuteQuotaCoolsTheAppDownForFiveMinutes() {
        sim.control("POST", "/_sim/limits", Map.of("appQps", 1000, "advertiserPathQps", 1000, "qpm", 3));
        assertThat(code()).isZero();
        assertThat(code()).isZero();
        assertThat(code()).isZero();
        assertThat(code()).isEqualTo(40100);
        sim.control("POST", "/_sim/clock", Map.of("advance", "PT2M"));
        assertThat(code()).isEqualTo(40100);
        sim.control("POST", "/_sim/clock", Map.of("advance", "PT4M"));
        assertThat(code()).isZero();
    }

    @Test
    void dailyQuotaResetsAtMidnightUtc() {
        sim.control("POST", "/_sim/limits", Map.of("appQps", 1000, "advertiserPathQps", 1000, "qpd", 2));
        assertThat(code()).isZero();
        assertThat(code()).isZero();
        assertThat(code()).isEqualTo(40100);
        sim.control("POST", "/_sim/clock", Map.of("now", "2026-03-19T00:00:01Z"));
        assertThat(code()).isZero();
    }

    @Test
    void errorCodesForTheNextCallsThenNormalService() {
        sim.control("POST", "/_sim/faults", Map.of("code", 50000, "next", 2));
        JsonNode first = sim.get("/campaign/get/", token, params("advertiser_id", adv));
        assertThat(first.get("code").asInt()).isEqualTo(50000);
        assertThat(first.get("message").asString()).isEqualTo("System error.");
        assertThat(code()).isEqualTo(50000);
        assertThat(code()).isZero();
    }

    @Test
    void faultsCanTargetOnePathAtAGivenRate() {
        sim.control("POST", "/_sim/faults", Map.of("path", "/report/integrated/get/", "code", 50002, "rate", 1.0));
        assertThat(code()).isZero();
        JsonNode report = sim.get("/report/integrated/get/", token, params("advertiser_id", adv, "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\"]", "start_date", "2026-03-01", "end_date", "2026-03-02"));
        assertThat(report.get("code").asInt()).isEqualTo(50002);
        assertThat(report.get("message").asString()).startsWith("Error processing request on TikTok side.");
        sim.control("DELETE", "/_sim/faults", null);
        sim.control("POST", "/_sim/faults", Map.of("code", 50000, "rate", 0.5));
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            failures += code() == 50000 ? 1 : 0;
        }
        assertThat(failures).isBetween(60, 140);
        sim.control("DELETE", "/_sim/faults", null);
        assertThat(code()).isZero();
    }

    @Test
    void aFaultForOneTokenLeavesOtherTokensCallsAloneAndCountsOnlyTheCallsItMatches() {
        String other = sim.authorizeAll();
        sim.control("POST", "/_sim/faults", Map.of("path", "/campaign/get/", "accessToken", token, "code", 50000, "next", 2));

        assertThat(sim.get("/campaign/get/", other, params("advertiser_id", adv)).get("code").asInt()).isZero();
        assertThat(sim.get("/campaign/get/", null, params("advertiser_id", adv)).get("code").asInt()).isNotEqualTo(50000);
        assertThat(code()).isEqualTo(50000);
        assertThat(sim.get("/campaign/get/", other, params("advertiser_id", adv)).get("code").asInt()).isZero();
        assertThat(code()).isEqualTo(50000);
        assertThat(code()).as("the two failures went to this token's calls").isZero();
    }

    @Test
    void gatewayErrorsComeAsHtmlWithTheirHttpStatus() {
        for (int status : new int[]{429, 502, 504}) {
            sim.control("POST", "/_sim/faults", Map.of("httpStatus", status, "next", 1));
            MockHttpServletResponse res = sim.rawGet(API + "/campaign/get/", token, params("advertiser_id", adv));
            assertThat(res.getStatus()).isEqualTo(status);
            assertThat(res.getContentType()).startsWith("text/html");
            assertThat(new String(res.getContentAsByteArray(), StandardCharsets.UTF_8)).startsWith("<html>").contains(Integer.toString(status));
        }
        assertThat(code()).isZero();
        assertThat(sim.control("GET", "/_sim/stats", null).get("faults_injected").get("http_502").asInt()).isEqualTo(1);
    }

    @Test
    void malformedJsonBodies() {
        sim.control("POST", "/_sim/faults", Map.of("malformed", true, "next", 1));
        MockHttpServletResponse res = sim.rawGet(API + "/campaign/get/", token, params("advertiser_id", adv));
        assertThat(res.getStatus()).isEqualTo(200);
        String body = new String(res.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("{\"code\": 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestSim.parse(res)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addedLatencyDelaysTheAnswer() {
        sim.control("POST", "/_sim/faults", Map.of("latencyMs", 300, "next", 1));
        long started = System.nanoTime();
        assertThat(code()).isZero();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        // the rule was for one call only: it is gone, and exactly one delay was injected
        assertThat(sim.control("GET", "/_sim/faults", null).get("faults").size()).isZero();
        assertThat(code()).isZero();
        assertThat(sim.control("GET", "/_sim/stats", null).get("faults_injected").get("latency").asInt()).isEqualTo(1);
    }

    @Test
    void maintenanceWindowsAnswer60001WhileTheClockIsInside() {
        sim.control("POST", "/_sim/faults", Map.of("maintenance", Map.of("from", "2026-03-18T10:00:00Z", "to", "2026-03-18T11:00:00Z")));
        JsonNode res = sim.get("/campaign/get/", token, params("advertiser_id", adv));
        assertThat(res.get("code").asInt()).isEqualTo(60001);
        assertThat(res.get("message").asString()).isEqualTo("The system is in maintenance.");
        sim.control.advance(Duration.ofMinutes(31));
        assertThat(code()).isZero();
    }

    @Test
    void statsCountCallsPerPathAndToken() {
        code();
        code();
        JsonNode stats = sim.control("GET", "/_sim/stats", null);
        assertThat(stats.get("calls_per_path").get("/campaign/get/").asInt()).isEqualTo(2);
        assertThat(stats.get("calls_per_token").get(token).asInt()).isEqualTo(2);
        assertThat(stats.get("answers_per_code").get("0").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void statsCountEachTokensCallsPerPathAndTheCallsWithoutAToken() {
        String other = sim.authorizeAll();
        code();
        sim.get("/campaign/get/", other, params("advertiser_id", adv));
        sim.get("/adgroup/get/", other, params("advertiser_id", adv));
        sim.get("/campaign/get/", null, params("advertiser_id", adv));

        JsonNode stats = sim.control("GET", "/_sim/stats", null);
        assertThat(stats.get("calls_per_token_per_path").get(token).properties()).hasSize(1);
        assertThat(stats.get("calls_per_token_per_path").get(token).get("/campaign/get/").asInt()).isEqualTo(1);
        assertThat(stats.get("calls_per_token_per_path").get(other).get("/campaign/get/").asInt()).isEqualTo(1);
        assertThat(stats.get("calls_per_token_per_path").get(other).get("/adgroup/get/").asInt()).isEqualTo(1);
        assertThat(stats.get("calls_per_path_without_token").get("/campaign/get/").asInt()).isEqualTo(1);
        assertThat(stats.get("calls_per_path").get("/campaign/get/").asInt()).isEqualTo(3);

        sim.control("DELETE", "/_sim/stats", null);
        stats = sim.control("GET", "/_sim/stats", null);
        assertThat(stats.get("calls_per_token_per_path").isEmpty()).isTrue();
        assertThat(stats.get("calls_per_path_without_token").isEmpty()).isTrue();
    }

    @Test
    void trailingSlashIsOptionalUnlessStrict() {
        assertThat(TestSim.envelope(sim.rawGet(API + "/campaign/get", token, params("advertiser_id", adv))).get("code").asInt()).isZero();
        sim.control("POST", "/_sim/behaviour", Map.of("strictTrailingSlash", true));
        assertThat(sim.rawGet(API + "/campaign/get", token, params("advertiser_id", adv)).getStatus()).isEqualTo(404);
        assertThat(sim.rawGet(API + "/no/such/", token, Map.of()).getStatus()).isEqualTo(404);
    }
}
