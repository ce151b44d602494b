package com.tttools.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security check 29: a job's workspace comes from its row, never from its payload. A job of workspace A whose stored
 * payload names workspace B's connection is refused when it runs, and neither B's rows nor A's data change.
 */
class ForgedJobPayloadIT extends SimulatedWorkspaceTest {

    /** A's own bookkeeping of the refused jobs: the job rows, their audit, notices of the failure and event records. */
    private static final Set<String> BOOKKEEPING = Set.of("jobs", "audit_events", "notifications",
            "notification_deliveries", "event_publication");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobWhosePayloadNamesAnotherWorkspacesConnectionIsRefusedAndChangesNothing() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("forged-payload");
        String org = tenants.createOrganization(owner, "Forged payload org");
        WorkspaceId a = WorkspaceId.of(tenants.createWorkspace(owner, org, "Attacker ws"));
        WorkspaceId b = WorkspaceId.of(tenants.createWorkspace(owner, org, "Victim ws"));
        UUID victimConnection = syncedAssets(b, simulator().advertiserIds().subList(0, 1));
        runToSuccess(b, ReportSync.request(b, ReportSync.Payload.defaultRange(victimConnection)));
        syncedAssets(a, simulator().advertiserIds().subList(1, 2));
        Map<String, String> victimBefore = rowsOf(b);
        Map<String, String> attackerBefore = rowsOf(a);
        assertThat(victimBefore.values()).as("the victim has inventory and facts to lose").anyMatch(v -> !v.startsWith("0:"));

        for (JobRequest<?> forged : List.of(AssetSync.request(a, victimConnection),
                ReportSync.request(a, ReportSync.Payload.defaultRange(victimConnection)))) {
            JobView job = jobs.submit(forged);
            JobView done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jobs.find(a, job.jobId()).orElseThrow(), j -> j.status().finished());
            assertThat(done.status()).as(forged.type().name()).isEqualTo(JobStatus.FAILED);
            assertThat(jobs.find(b, job.jobId())).as("the job stays A's").isEmpty();
        }

        assertThat(rowsOf(b)).isEqualTo(victimBefore);
        Map<String, String> attackerAfter = rowsOf(a);
        BOOKKEEPING.forEach(table -> {
            attackerAfter.remove(table);
            attackerBefore.remove(table);
        });
        assertThat(attackerAfter).isEqualTo(attackerBefore);
    }

    /** Per table with a workspace_id: the workspace's row count and a digest of its rows. */
    private Map<String, String> rowsOf(WorkspaceId workspace) {
        List<String> tables = jdbc.sql("""
                        SELECT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id'
                          AND t.table_type = 'BASE TABLE'
                        ORDER BY c.table_name""").query(String.class).list();
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : tables) {
            digests.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
                    + table + " t WHERE workspace_id = :ws").param("ws", workspace.value()).query(String.class).single());
        }
        return digests;
    }
}
