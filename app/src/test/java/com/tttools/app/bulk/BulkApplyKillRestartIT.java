package com.tttools.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.Http;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety of applying a change set: the app runs in a child JVM (its own fresh database, this test's TikTok
 * simulator) and is killed with SIGKILL while a 100-ad pause is being applied, then started again. The revived
 * job finishes the change set and every ad is written exactly once: the simulator saw exactly one status call per
 * chunk of at most 20 ads, and every ad is paused.
 */
class BulkApplyKillRestartIT extends IntegrationTest {

    @Autowired
    DatabaseServer database;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("tiktokSimulator")
    org.springframework.boot.web.servlet.ServletRegistrationBean<org.springframework.web.servlet.DispatcherServlet> simulatorRegistration;

    @TempDir
    Path dataDir;

    ChildApp app;
    final Map<String, List<String>> paused = new LinkedHashMap<>();
    String token;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        simulator().control("DELETE", "/_sim/faults", null);
        if (token == null) {
            return;
        }
        paused.forEach((advertiser, ads) -> {
            for (int i = 0; i < ads.size(); i += 20) {
                tiktok("/ad/status/update/", Map.of("advertiser_id", advertiser, "ad_ids",
                        ads.subList(i, Math.min(ads.size(), i + 20)), "operation_status", "ENABLE"));
            }
        });
    }

    @Test
    void killingTheAppMidApplyAndStartingItAgainWritesEveryLineExactlyOnce() throws Exception {
        app = ChildApp.withFreshDatabase(database, dataDir, url("/tiktok-sim"));
        // a MEDIUM world (SimulatorStateGuard puts the test's world back) and one advertiser granted: hundreds of ads
        var control = com.tttools.simulator.EmbeddedSimulator.control(simulatorRegistration);
        control.reset(control.sim().seed(), com.tttools.simulator.Scale.MEDIUM);
        simulator().control("POST", "/_sim/consent", Map.of("autoApprove", true, "advertiserIds",
                List.of(control.advertiserIds().get(4))));
        ChildApp.Child first = app.start("first", Duration.ofSeconds(300));
        String email = Users.uniqueEmail("bulk-kill");
        ApiClient owner = Users.signedUp(first.port(), email);
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Bulk Kill Org", "workspace",
                Map.of("name", "Killed", "timezone", "UTC", "currency", "USD"))).json();
        String ws = "/api/v1/workspaces/" + created.get("workspace").get("id").asString();
        simulator().connectWithCurrentConsent(owner, created.get("workspace").get("id").asString());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> owner.get(ws + "/jobs?type=tiktok.asset-sync").json().get("items"),
                        items -> items.size() > 0 && items.get(0).get("status").asString().equals("SUCCEEDED"));
        token = com.tttools.simulator.EmbeddedSimulator.control(simulatorRegistration)
                .issueAccessToken("7000000000000000001", null);   // the test's own reads and clean-up

        List<JsonNode> ads = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = owner.get(ws + "/ads?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(ad -> {
                if ("ENABLE".equals(ad.path("details").path("operationStatus").asString())
                        && !ad.path("status").asString().contains("DELETE") && !ad.path("removed").asBoolean()) {
                    ads.add(ad);
                }
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(ads).hasSizeGreaterThanOrEqualTo(100);
        List<JsonNode> targets = ads.subList(0, 100);
        Map<String, List<String>> byAdvertiser = new LinkedHashMap<>();
        targets.forEach(ad -> byAdvertiser.computeIfAbsent(ad.path("advertiserId").asString(), k -> new ArrayList<>())
                .add(ad.path("tiktokId").asString()));
        paused.putAll(byAdvertiser);
        long chunks = byAdvertiser.values().stream().mapToLong(l -> (l.size() + 19) / 20).sum();

        assertThat(owner.put(ws + "/bulk-policy", Map.of("approval", "NEVER")).status()).isEqualTo(200);
        JsonNode plan = owner.post(ws + "/bulk-operations", Map.of("action", "PAUSE", "level", "AD", "targets",
                targets.stream().map(ad -> ad.path("tiktokId").asString()).toList())).json();
        assertThat(plan.path("status").asString()).as(plan.toString()).isEqualTo("APPROVED");
        String changeSet = ws + "/bulk-operations/" + plan.path("id").asString();

        // slow writes down so the apply is surely in flight when the app is killed
        simulator().control("POST", "/_sim/faults", Map.of("path", "/ad/status/update/", "latencyMs", 1500));
        simulator().control("DELETE", "/_sim/stats", null);
        assertThat(owner.post(changeSet + "/apply", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.get(changeSet).json().path("counts"),
                        counts -> counts.path("applied").asInt() >= 20);
        first.kill();
        JdbcClient child = JdbcClient.create(new DriverManagerDataSource(app.jdbcUrl()));
        String atKill = child.sql("""
                        SELECT string_agg(status || ':' || n, ', ') FROM (SELECT status, count(*) AS n FROM bulk_change_lines
                        WHERE change_set_id = CAST(:id AS uuid) GROUP BY status) x""")
                .param("id", plan.path("id").asString()).query(String.class).single();
        assertThat(atKill).as("killed in the middle of the apply").containsAnyOf("PENDING", "SENDING");
        simulator().control("DELETE", "/_sim/faults", null);

        ChildApp.Child second = app.start("second", Duration.ofSeconds(300));
        ApiClient again = Users.loggedIn(second.port(), email, Users.PASSWORD);
        JsonNode finished = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get(changeSet).json(), cs -> !cs.path("status").asString().equals("APPLYING"));
        assertThat(finished.path("status").asString()).as(finished.path("counts").toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.path("counts").path("verified").asInt()).isEqualTo(100);
        // exactly one applied write per chunk, although the first app died in the middle of the apply; the call in
        // flight at the kill may be sent once more, but only when TikTok had not applied it (the restart re-reads
        // SENDING lines first)
        SimulatorApi simulatorApi = simulator();
        // the calls naming this test's ads: the parent app's background work may write other entities meanwhile
        List<JsonNode> statusWrites = simulatorApi.writesNaming("/ad/status/update/",
                byAdvertiser.values().stream().flatMap(List::stream).toList());
        assertThat(statusWrites.stream().filter(w -> !w.path("applied").isEmpty()).count())
                .as("applied status calls (lines at the kill: " + atKill + ")").isEqualTo(chunks);
        // 40100 left out: the simulated app's rate limit is shared with the parent app's background calls, and a call
        // it refused (nothing applied) was waited out and sent again
        assertThat(statusWrites).filteredOn(w -> !w.path("answer").asString().equals("40100"))
                .as("status calls (lines at the kill: " + atKill + ")").hasSizeBetween((int) chunks, (int) chunks + 1);
        assertThat(statusWrites).allSatisfy(w -> assertThat(w.path("ids").size()).isLessThanOrEqualTo(20));
        byAdvertiser.values().forEach(ids -> assertThat(ids).allSatisfy(ad ->
                assertThat(simulatorApi.timesApplied(ad)).as("writes of ad " + ad).isEqualTo(1)));
        byAdvertiser.forEach((advertiser, ids) -> {
            for (int i = 0; i < ids.size(); i += 100) {
                JsonNode listed = tiktokGet("/ad/get/?page_size=1000&advertiser_id=" + advertiser + "&filtering="
                        + java.net.URLEncoder.encode(ApiClient.JSON.writeValueAsString(Map.of("ad_ids",
                        ids.subList(i, Math.min(ids.size(), i + 100)), "primary_status", "STATUS_ALL")),
                        java.nio.charset.StandardCharsets.UTF_8));
                listed.path("data").path("list").forEach(ad -> assertThat(ad.path("operation_status").asString())
                        .as(ad.path("ad_id").asString()).isEqualTo("DISABLE"));
            }
        });
    }

    private void tiktok(String path, Object body) {
        Http.send(HttpRequest.newBuilder(URI.create(url("/tiktok-sim/open_api/v1.3" + path)))
                .header("Content-Type", "application/json").header("Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))).build());
    }

    private JsonNode tiktokGet(String pathAndQuery) {
        return ApiClient.JSON.readTree(Http.send(HttpRequest.newBuilder(URI.create(url("/tiktok-sim/open_api/v1.3"
                + pathAndQuery))).header("Access-Token", token).GET().build()).body());
    }

    private SimulatorApi simulator() {
        return new SimulatorApi(port, ApiClient.JSON);
    }
}
