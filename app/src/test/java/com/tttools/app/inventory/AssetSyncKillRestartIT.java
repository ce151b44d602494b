package com.tttools.app.inventory;

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
 * Crash safety of the asset sync: the app runs in a child JVM (against its own fresh database and this test's
 * TikTok simulator), is killed with SIGKILL in the middle of a sync, and started again. The revived job
 * finishes, with exactly the entities of an uninterrupted sync of the same grant and no duplicates.
 */
class AssetSyncKillRestartIT extends IntegrationTest {

    @Autowired
    DatabaseServer database;

    @TempDir
    Path dataDir;

    final List<Process> children = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        simulator("DELETE", "/_sim/faults", null);
    }

    @Test
    void killingTheAppMidSyncAndStartingItAgainFinishesWithTheSameDataAndNoDuplicates() throws Exception {
        String childDatabase = createDatabase();
        simulator("POST", "/_sim/consent", Map.of("autoApprove", true));
        // Slow TikTok down so that the sync is surely in flight when the app is killed.
        simulator("POST", "/_sim/faults", Map.of("latencyMs", 150));

        int firstPort = freePort();
        Process first = startChild(firstPort, childDatabase, "first");
        String email = Users.uniqueEmail("kill");
        ApiClient owner = Users.signedUp(firstPort, email);
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Kill Org", "workspace",
                Map.of("name", "Killed", "timezone", "UTC", "currency", "USD"))).json();
        String org = created.get("id").asString();
        String killedWorkspace = created.get("workspace").get("id").asString();
        connect(owner, killedWorkspace);

        String jobs = "/api/v1/workspaces/" + killedWorkspace + "/jobs?type=tiktok.asset-sync";
        JsonNode inFlight = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get(jobs).json().get("items").get(0),
                        job -> job.get("status").asString().equals("RUNNING") && job.get("progress").get("done").asLong() >= 1);
        first.destroyForcibly().waitFor();
        assertThat(inFlight.get("status").asString()).isEqualTo("RUNNING");
        simulator("DELETE", "/_sim/faults", null);

        int secondPort = freePort();
        startChild(secondPort, childDatabase, "second");
        ApiClient again = Users.loggedIn(secondPort, email, Users.PASSWORD);
        JsonNode finished = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get(jobs).json().get("items").get(0), job -> !job.get("status").asString().equals("RUNNING")
                        && !job.get("status").asString().equals("QUEUED"));
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);

        // An uninterrupted sync of the same grant, in a second workspace of the same organization.
        String control = again.post("/api/v1/organizations/" + org + "/workspaces",
                Map.of("name", "Control", "timezone", "UTC", "currency", "USD")).json().get("id").asString();
        connect(again, control);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get("/api/v1/workspaces/" + control + "/jobs?type=tiktok.asset-sync").json()
                        .get("items").get(0).get("status").asString(), status -> status.equals("SUCCEEDED"));

        JdbcClient child = JdbcClient.create(new DriverManagerDataSource(childDatabase));
        String entities = """
                SELECT kind, tiktok_id, name, status, removed_at IS NULL AS live FROM inventory_entities
                WHERE workspace_id = CAST(:ws AS uuid)""";
        Integer onlyInOne = child.sql("SELECT count(*) FROM ((" + entities.replace(":ws", ":a") + ") EXCEPT ("
                        + entities.replace(":ws", ":b") + ")) x")
                .param("a", killedWorkspace).param("b", control).query(Integer.class).single();
        Integer onlyInOther = child.sql("SELECT count(*) FROM ((" + entities.replace(":ws", ":b") + ") EXCEPT ("
                        + entities.replace(":ws", ":a") + ")) x")
                .param("a", killedWorkspace).param("b", control).query(Integer.class).single();
        Integer total = child.sql("SELECT count(*) FROM inventory_entities WHERE workspace_id = CAST(:ws AS uuid)")
                .param("ws", killedWorkspace).query(Integer.class).single();
        Integer distinct = child.sql("""
                        SELECT count(DISTINCT (kind, tiktok_id)) FROM inventory_entities WHERE workspace_id = CAST(:ws AS uuid)""")
                .param("ws", killedWorkspace).query(Integer.class).single();
        assertThat(total).isPositive().isEqualTo(distinct);
        assertThat(onlyInOne).isZero();
        assertThat(onlyInOther).isZero();
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
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
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
