package com.tttools.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
class BulkApplyKillRestartTest extends IntegrationTest {

    @Autowired
    DatabaseServer database;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("tiktokSimulator")
    org.springframework.boot.web.servlet.ServletRegistrationBean<org.springframework.web.servlet.DispatcherServlet> simulatorRegistration;

    @TempDir
    Path dataDir;

    final List<Process> children = new ArrayList<>();
    final Map<String, List<String>> paused = new LinkedHashMap<>();
    String token;

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        simulator("DELETE", "/_sim/faults", null);
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
        String childDatabase = createDatabase();
        // a MEDIUM world (SimulatorStateGuard puts the test's world back) and one advertiser granted: hundreds of ads
        var control = com.tttools.simulator.EmbeddedSimulator.control(simulatorRegistration);
        control.reset(control.sim().seed(), com.tttools.simulator.Scale.MEDIUM);
        simulator("POST", "/_sim/consent", Map.of("autoApprove", true, "advertiserIds",
                List.of(control.advertiserIds().get(4))));
        int firstPort = freePort();
        Process first = startChild(firstPort, childDatabase, "first");
        String email = Users.uniqueEmail("bulk-kill");
        ApiClient owner = Users.signedUp(firstPort, email);
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Bulk Kill Org", "workspace",
                Map.of("name", "Killed", "timezone", "UTC", "currency", "USD"))).json();
        String ws = "/api/v1/workspaces/" + created.get("workspace").get("id").asString();
        connect(owner, created.get("workspace").get("id").asString());
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
        simulator("POST", "/_sim/faults", Map.of("path", "/ad/status/update/", "latencyMs", 1500));
        simulator("DELETE", "/_sim/stats", null);
        assertThat(owner.post(changeSet + "/apply", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.get(changeSet).json().path("counts"),
                        counts -> counts.path("applied").asInt() >= 20);
        first.destroyForcibly().waitFor();
        JdbcClient child = JdbcClient.create(new DriverManagerDataSource(childDatabase));
        String atKill = child.sql("""
                        SELECT string_agg(status || ':' || n, ', ') FROM (SELECT status, count(*) AS n FROM bulk_change_lines
                        WHERE change_set_id = CAST(:id AS uuid) GROUP BY status) x""")
                .param("id", plan.path("id").asString()).query(String.class).single();
        assertThat(atKill).as("killed in the middle of the apply").containsAnyOf("PENDING", "SENDING");
        simulator("DELETE", "/_sim/faults", null);

        int secondPort = freePort();
        startChild(secondPort, childDatabase, "second");
        ApiClient again = Users.loggedIn(secondPort, email, Users.PASSWORD);
        JsonNode finished = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get(changeSet).json(), cs -> !cs.path("status").asString().equals("APPLYING"));
        assertThat(finished.path("status").asString()).as(finished.path("counts").toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.path("counts").path("verified").asInt()).isEqualTo(100);
        // exactly one write call per chunk, although the first app died in the middle of the apply
        assertThat(simulatorStats().path("calls_per_path").path("/ad/status/update/").asLong())
                .as("status calls (lines at the kill: " + atKill + ")").isEqualTo(chunks);
        com.tttools.app.support.SimulatorApi simulatorApi = new com.tttools.app.support.SimulatorApi(port, ApiClient.JSON);
        assertThat(simulatorApi.maxIdsPerWrite("/ad/status/update/")).isLessThanOrEqualTo(20);
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

    private JsonNode simulatorStats() {
        return ApiClient.JSON.readTree(Http.send(HttpRequest.newBuilder(URI.create(url("/tiktok-sim/_sim/stats")))
                .GET().build()).body());
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

    private void connect(ApiClient client, String workspace) {
        ApiClient.Response started = client.post("/api/v1/workspaces/" + workspace + "/connections/tiktok", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        HttpResponse<String> consent = Http.get(started.json().get("authorizationUrl").asString());
        assertThat(consent.statusCode()).isEqualTo(302);
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        ApiClient.Response landed = client.get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(landed.status()).as(landed.body()).isEqualTo(302);
    }

    private Process startChild(int port, String jdbcUrl, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TttoolsApplication.class.getName(),
                "--server.port=" + port,
                "--tttools.base-url=http://localhost:" + port,
                "--tttools.database.url=" + jdbcUrl,
                "--TTTOOLS_DATA_DIR=" + dataDir,
                "--tttools.tiktok.app-id=7000000000000000001",
                "--tttools.tiktok.app-secret=simulator-secret",
                "--tttools.tiktok.api-base-url=" + url("/tiktok-sim"),
                "--tttools.tiktok.auth-url=" + url("/tiktok-sim/portal/auth"),
                "--tttools.reporting.sync-on-connect=false",
                "--tttools.scheduler.polling-interval=200ms",
                "--tttools.scheduler.heartbeat-interval=1s",
                "--tttools.scheduler.missed-heartbeats-limit=4",
                "--tttools.jobs.first-retry-delay=200ms",
                "--logging.level.root=WARN");
        File log = dataDir.resolve("child-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        children.add(process);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child app stopped: " + Files.readString(log.toPath()));
            }
            try {
                return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return process;
    }

    /** A fresh database on this test's PostgreSQL server for the child apps. */
    private String createDatabase() throws Exception {
        String name = "tttools_child_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var target = database.target();
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String base = target.jdbcUrl();
        int query = base.indexOf('?');
        String withoutQuery = query >= 0 ? base.substring(0, query) : base;
        String jdbc = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + (query >= 0 ? base.substring(query) : "");
        if (target.username() != null && !jdbc.contains("user=")) {
            jdbc += (jdbc.contains("?") ? "&" : "?") + "user=" + target.username()
                    + (target.password() == null ? "" : "&password=" + target.password());
        }
        return jdbc;
    }

    private void simulator(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/tiktok-sim" + path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)))
                .build();
        Http.send(request);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
