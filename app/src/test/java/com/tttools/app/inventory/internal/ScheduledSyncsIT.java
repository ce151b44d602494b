package com.tttools.app.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.inventory.ConnectionSync;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The periodic sync: a connection whose last sync is older than the interval gets one; a fresh one does not. */
class ScheduledSyncsIT extends IntegrationTest {

    @Autowired
    ScheduledSyncs scheduled;
    @Autowired
    SyncStateRepository state;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    Jobs jobs;

    @Test
    void dueConnectionsGetOneQueuedSyncAndFreshOrDisconnectedOnesNone() {
        WorkspaceId workspace = WorkspaceId.random();
        UUID stale = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID disconnected = UUID.randomUUID();
        Instant now = Instant.now();
        for (UUID connection : List.of(stale, fresh, disconnected)) {
            Instant finished = connection == fresh ? now : now.minus(Duration.ofHours(2));
            state.saveConnectionSync(workspace, new ConnectionSync(connection, List.of(), List.of(), List.of(),
                    finished.minusSeconds(60), finished));
        }
        // the token is not a real one: the sync it starts fails, which is not what this test looks at
        tokens.storeAccessToken(workspace, stale, new AccessToken("scheduled-test-token"));
        tokens.storeAccessToken(workspace, fresh, new AccessToken("scheduled-test-token"));
        connection(workspace, stale, "ACTIVE");
        connection(workspace, fresh, "ACTIVE");
        connection(workspace, disconnected, "DISCONNECTED");

        assertThat(scheduled.submitDue()).isEqualTo(1);
        assertThat(scheduled.submitDue()).as("not again within the interval, even if that sync fails").isZero();

        assertThat(jobs.list(workspace, JobFilter.of(AssetSync.JOB), 10, null).items()).hasSize(1);
        assertThat(jdbcPayloads(workspace)).containsExactly("{\"connectionId\": \"" + stale + "\"}");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void connection(WorkspaceId workspace, UUID id, String status) {
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, connected_by,
                                                       connected_at)
                        VALUES (:id, :ws, :org, 'ADVERTISER', :status, :by, now())""")
                .param("id", id).param("ws", workspace.value()).param("org", UUID.randomUUID())
                .param("status", status).param("by", UUID.randomUUID()).update();
    }

    private List<String> jdbcPayloads(WorkspaceId workspace) {
        return jdbc.sql("SELECT payload::text FROM jobs WHERE workspace_id = :ws").param("ws", workspace.value())
                .query(String.class).list();
    }
}
