package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    ChildApp app;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        simulator().control("DELETE", "/_sim/faults", null);
    }

    @Test
    void killingTheAppMidSyncAndStartingItAgainFinishesWithTheSameDataAndNoDuplicates() throws Exception {
        app = ChildApp.withFreshDatabase(database, dataDir, url("/tiktok-sim"));
        // Slow TikTok down so that the sync is surely in flight when the app is killed.
        simulator().control("POST", "/_sim/faults", Map.of("latencyMs", 150));

        ChildApp.Child first = app.start("first", Duration.ofSeconds(120));
        String email = Users.uniqueEmail("kill");
        ApiClient owner = Users.signedUp(first.port(), email);
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Kill Org", "workspace",
                Map.of("name", "Killed", "timezone", "UTC", "currency", "USD"))).json();
        String org = created.get("id").asString();
        String killedWorkspace = created.get("workspace").get("id").asString();
        simulator().connect(owner, killedWorkspace);

        String jobs = "/api/v1/workspaces/" + killedWorkspace + "/jobs?type=tiktok.asset-sync";
        JsonNode inFlight = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get(jobs).json().get("items").get(0),
                        job -> job.get("status").asString().equals("RUNNING") && job.get("progress").get("done").asLong() >= 1);
        first.kill();
        assertThat(inFlight.get("status").asString()).isEqualTo("RUNNING");
        simulator().control("DELETE", "/_sim/faults", null);

        ChildApp.Child second = app.start("second", Duration.ofSeconds(120));
        ApiClient again = Users.loggedIn(second.port(), email, Users.PASSWORD);
        JsonNode finished = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get(jobs).json().get("items").get(0), job -> !job.get("status").asString().equals("RUNNING")
                        && !job.get("status").asString().equals("QUEUED"));
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);

        // An uninterrupted sync of the same grant, in a second workspace of the same organization.
        String control = again.post("/api/v1/organizations/" + org + "/workspaces",
                Map.of("name", "Control", "timezone", "UTC", "currency", "USD")).json().get("id").asString();
        simulator().connect(again, control);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> again.get("/api/v1/workspaces/" + control + "/jobs?type=tiktok.asset-sync").json()
                        .get("items").get(0).get("status").asString(), status -> status.equals("SUCCEEDED"));

        JdbcClient child = JdbcClient.create(new DriverManagerDataSource(app.jdbcUrl()));
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

    private SimulatorApi simulator() {
        return new SimulatorApi(port, ApiClient.JSON);
    }
}
