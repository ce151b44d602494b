package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportEvents.ReportSyncFailed;
import com.tttools.app.reporting.ReportEvents.ReportSyncFinished;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes how report syncs end, each in its own transaction so the event registry records it for listeners; a
 * success also notes the time in {@code report_sync_state} (what the stale check reads) and ends a stale stretch.
 */
@Component
class SyncFinishedPublisher {

    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    SyncFinishedPublisher(ApplicationEventPublisher events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional
    public void publish(WorkspaceId workspaceId, UUID connectionId, Instant at) {
        jdbc.sql("""
                        INSERT INTO report_sync_state (workspace_id, last_success_at) VALUES (:ws, :at)
                        ON CONFLICT (workspace_id) DO UPDATE SET
                            last_success_at = greatest(report_sync_state.last_success_at, EXCLUDED.last_success_at),
                            stale_notified_at = NULL
                        """)
                .param("ws", workspaceId.value()).param("at", Timestamp.from(at)).update();
        events.publishEvent(new ReportSyncFinished(workspaceId, connectionId, at));
    }

    @Transactional
    public void failed(WorkspaceId workspaceId, UUID connectionId, String error, Instant at) {
        events.publishEvent(new ReportSyncFailed(workspaceId, connectionId, error, at));
    }
}
