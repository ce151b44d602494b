package com.tttools.app.reporting.internal;

import com.tttools.app.shared.ConnectionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.TikTokConnections;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily report run finds active connections and backfills a new advertiser through the job. */
class ReportSyncSchedulingIT extends SimulatedWorkspaceTest {

    @Autowired
    ReportSyncScheduling scheduling;
    @Autowired
    TikTokConnections connections;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDailyRunIsScheduledAndBackfillsAnActiveConnection() {
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name")
                .param("name", ReportSyncScheduling.DAILY_TASK).query(Integer.class).single()).isEqualTo(1);

        var control = simulator();
        List<String> all = control.advertiserIds();
        String advertiser = all.get(all.size() / 2);
        WorkspaceId workspace = WorkspaceId.random();
        UUID connection = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, scopes,
                                                       granted_advertisers, connected_by, connected_at)
                        VALUES (:id, :ws, :org, 'ADVERTISER', 'ACTIVE', '{4}', ARRAY[:adv], :by, now())""")
                .param("id", connection).param("ws", workspace.value()).param("org", UUID.randomUUID())
                .param("adv", advertiser).param("by", UUID.randomUUID()).update();
        tokenStore.storeAccessToken(workspace, connection,
                new AccessToken(control.issueAccessToken(DEV_APP, List.of(advertiser))));
        assertThat(connections.activeConnections()).contains(new TikTokConnections.ConnectionRef(workspace, new ConnectionId(connection)));

        scheduling.submit(workspace, connection);
        scheduling.submit(workspace, connection);
        var queued = jobs.list(workspace, JobFilter.of(com.tttools.app.reporting.ReportSync.JOB), 10, null).items();
        assertThat(queued).hasSize(1);
        var done = await().atMost(Duration.ofSeconds(120)).until(() -> jobs.find(workspace, queued.get(0).jobId()).orElseThrow(),
                job -> job.status().finished());
        assertThat(done.status()).as(String.valueOf(done.lastError())).isEqualTo(JobStatus.SUCCEEDED);
        Integer days = jdbc.sql("SELECT count(*) FROM report_finality WHERE workspace_id = :ws")
                .param("ws", workspace.value()).query(Integer.class).single();
        assertThat(days).isBetween(89, 91);
    }
}
