package com.tttools.app.inventory.internal;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.TikTokConnections;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Submits the periodic asset sync of every connection whose last sync finished longer than the interval ago
 * (default hourly) and that was not already submitted within the interval (a connection whose syncs keep failing,
 * e.g. waiting for re-authorisation, gets one attempt per interval). The concurrency key makes a submission while a
 * sync is queued or running a no-op, so a slow sync never stacks syncs. Connections enter this list with their first finished sync (the one
 * started on connect); a connection background work may not use (disconnected, waiting for the user's reconnect,
 * or of a deleted workspace: {@link TikTokConnections#schedulable}) is skipped.
 */
@Component
class ScheduledSyncs {

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final TikTokConnections connections;
    private final Clock clock;
    private final Duration interval;

    ScheduledSyncs(JdbcClient jdbc, Jobs jobs, TikTokConnections connections, Clock clock,
            @Value("${tttools.inventory.sync-interval:PT1H}") Duration interval) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.connections = connections;
        this.clock = clock;
        this.interval = interval;
    }

    record Due(UUID workspaceId, UUID connectionId) {
    }

    int submitDue() {
        List<Due> due = jdbc.sql("""
                        UPDATE inventory_connection_syncs SET last_scheduled_at = :now
                        WHERE (workspace_id, connection_id) IN (
                            SELECT workspace_id, connection_id FROM inventory_connection_syncs
                            WHERE greatest(last_finished_at, last_scheduled_at) < :cutoff
                            ORDER BY last_finished_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
                        RETURNING workspace_id, connection_id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("cutoff", Timestamp.from(clock.instant().minus(interval)))
                .query(Due.class)
                .list();
        int submitted = 0;
        for (Due connection : due) {
            WorkspaceId workspace = new WorkspaceId(connection.workspaceId());
            if (!connections.schedulable(workspace, new ConnectionId(connection.connectionId()))) {
                continue;
            }
            jobs.submit(AssetSync.request(workspace, connection.connectionId()));
            submitted++;
        }
        return submitted;
    }
}
