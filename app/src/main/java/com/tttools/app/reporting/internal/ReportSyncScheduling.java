package com.tttools.app.reporting.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionEstablished;
import com.tttools.app.tiktok.TikTokConnections;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * When report syncs start by themselves: the backfill right after a connection is made, and a daily run for
 * every active connection (which re-pulls the restatement window, so provisional days are revised). Both go
 * through {@link Jobs} with the connection's report concurrency key, so they never overlap a running sync.
 */
@Configuration(proxyBeanMethods = false)
class ReportSyncScheduling {

    static final String DAILY_TASK = "report-daily-sync";

    private final Jobs jobs;
    private final TikTokConnections connections;
    private final ReportingProperties properties;

    ReportSyncScheduling(Jobs jobs, TikTokConnections connections, ReportingProperties properties) {
        this.jobs = jobs;
        this.connections = connections;
        this.properties = properties;
    }

    @Bean
    RecurringTask<Void> reportDailySync() {
        return Tasks.recurring(DAILY_TASK, Schedules.daily(LocalTime.of(4, 30)))
                .execute((instance, context) -> submitForEveryConnection());
    }

    /** Queues one report sync per active connection; returns how many were queued or already running. */
    int submitForEveryConnection() {
        int queued = 0;
        for (TikTokConnections.ConnectionRef ref : connections.activeConnections()) {
            submit(ref.workspaceId(), ref.connectionId().value());
            queued++;
        }
        return queued;
    }

    @ApplicationModuleListener
    void onConnected(ConnectionEstablished connected) {
        if (properties.syncOnConnect()) {
            submit(connected.workspaceId(), connected.connectionId());
        }
    }

    void submit(com.tttools.app.shared.WorkspaceId workspace, UUID connectionId) {
        jobs.submit(ReportSync.request(workspace, ReportSync.Payload.defaultRange(connectionId)));
    }
}
