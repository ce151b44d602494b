package com.tttools.app.tenancy.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tenants with real TikTok connections (OAuth against the embedded simulator), and the cluster's
 * schedules run "now" through db-scheduler, for the tenant lifecycle tests.
 */
abstract class LifecycleTestSupport extends IntegrationTest {

    /**
     * The recurring tasks that call TikTok or queue work that does (names as the modules register them). The daily
     * report run is not
     * triggered (it would queue a report sync for every connection of the shared test database); the tests check
     * the list it works through, {@code TikTokConnections.activeConnections()}, instead.
     */
    static final List<String> RECURRING = List.of("tiktok-connection-health", "tiktok-token-refresh",
            "inventory-scheduled-syncs");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    SchedulerClient scheduler;

    Tenants tenants() {
        return new Tenants(port, (DevMailbox) mailer, limiter);
    }

    /** Connects TikTok to the workspace (auto-approved consent); returns the connection id once its first asset sync is done. */
    String connect(Tenants.User admin, String workspaceId) {
        String id = simulator().connect(admin.api(), workspaceId);
        awaitJobs(admin, workspaceId, "tiktok.asset-sync");
        return id;
    }

    /** Waits until every job of the type in the workspace succeeded. */
    void awaitJobs(Tenants.User admin, String workspaceId, String type) {
        String path = "/api/v1/workspaces/" + workspaceId + "/jobs?type=" + type;
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode items = admin.api().get(path).json().get("items");
            if (items.isEmpty()) {
                return false;
            }
            for (JsonNode job : items) {
                assertThat(job.get("status").asString()).as(job.toString()).isNotEqualTo("FAILED");
                if (!job.get("status").asString().equals("SUCCEEDED")) {
                    return false;
                }
            }
            return true;
        });
    }

    String accessToken(String workspaceId, String connectionId) {
        return tokens.accessToken(WorkspaceId.of(workspaceId), UUID.fromString(connectionId)).orElseThrow().value();
    }

    /** The simulator's status of a token (ACTIVE/REVOKED/EXPIRED). */
    String simulatorStatus(String accessToken) {
        return simulator().token(accessToken).path("status").asString();
    }

    /** Marketing API calls the simulator has seen with this access token. */
    long callsWith(String accessToken) {
        return control("GET", "/_sim/stats", null).path("calls_per_token").path(accessToken).asLong(0);
    }

    /**
     * Moves every schedule past its next due time: connections count as unchecked for hours, the last asset syncs
     * as hours old, and the recurring tasks (health, refresh, scheduled asset syncs) run now.
     * Returns once each of them has run.
     */
    void runEverySchedule(List<String> workspaceIds) {
        for (String ws : workspaceIds) {
            jdbc.sql("""
                            UPDATE inventory_connection_syncs SET last_started_at = last_started_at - interval '3 hours',
                                last_finished_at = last_finished_at - interval '3 hours', last_scheduled_at = NULL
                            WHERE workspace_id = :ws""").param("ws", UUID.fromString(ws)).update();
            jdbc.sql("""
                            UPDATE tiktok_connection SET last_checked_at = now() - interval '3 hours',
                                token_expires_at = CASE WHEN kind = 'TT_USER' THEN now() END
                            WHERE workspace_id = :ws""").param("ws", UUID.fromString(ws)).update();
        }
        Instant triggered = Instant.now();
        for (String task : RECURRING) {
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()   // running right now: try again when it is done
                    .until(() -> scheduler.reschedule(TaskInstanceId.of(task, "recurring"), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> RECURRING.stream().allMatch(task -> {
            Timestamp last = jdbc.sql("SELECT last_success FROM scheduled_tasks WHERE task_name = :t")
                    .param("t", task).query(Timestamp.class).optional().orElse(null);
            return last != null && !last.toInstant().isBefore(triggered);
        }));
    }

    long unfinishedJobs(String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE workspace_id = :ws AND status IN ('QUEUED', 'RUNNING')")
                .param("ws", UUID.fromString(workspaceId)).query(Long.class).single();
    }

    JsonNode control(String method, String path, Object body) {
        return simulator().control(method, path, body);
    }

    SimulatorApi simulator() {
        return new SimulatorApi(port, json);
    }

    /** Tables and their tenant-key columns: every base table with a column named like workspace_id/organization_id. */
    List<TenantColumn> tenantColumns(String suffix) {
        return jdbc.sql("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.column_name LIKE :pattern
                        ORDER BY c.table_name, c.column_name""")
                .param("pattern", "%" + suffix)
                .query((rs, n) -> new TenantColumn(rs.getString(1), rs.getString(2))).list();
    }

    record TenantColumn(String table, String column) {
    }

    /** "table.column=count" for every column holding rows of the id, except the tables listed as kept. */
    List<String> remaining(List<TenantColumn> columns, String id, Map<String, String> kept) {
        List<String> left = new ArrayList<>();
        for (TenantColumn c : columns) {
            if (kept.containsKey(c.table())) {
                continue;
            }
            long rows = jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + "::text = :id")
                    .param("id", id).query(Long.class).single();
            if (rows > 0) {
                left.add(c.table() + "." + c.column() + "=" + rows);
            }
        }
        return left;
    }

    long rows(String table, String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(workspaceId)).query(Long.class).single();
    }
}
