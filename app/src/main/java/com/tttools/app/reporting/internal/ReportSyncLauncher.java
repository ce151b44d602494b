package com.tttools.app.reporting.internal;

import com.tttools.app.jobs.Jobs;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.SyncLauncher;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** A user's "sync reports now" (optionally for a date range) and the stop on disconnect. */
@Component
class ReportSyncLauncher implements SyncLauncher {

    private final Jobs jobs;

    ReportSyncLauncher(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Kind kind() {
        return Kind.REPORTS;
    }

    @Override
    public JobId launch(WorkspaceId workspaceId, ConnectionId connectionId, LocalDate from, LocalDate to,
            String idempotencyKey, UserId requestedBy) {
        return jobs.submit(ReportSync.request(workspaceId, new ReportSync.Payload(connectionId.value(), from, to))
                .withIdempotencyKey(idempotencyKey).withCreatedBy(requestedBy)).jobId();
    }

    @Override
    public java.util.Optional<com.tttools.app.jobs.JobView> last(WorkspaceId workspaceId, ConnectionId connectionId) {
        return jobs.latest(workspaceId, com.tttools.app.reporting.ReportSync.concurrencyKey(connectionId.value()));
    }

    @Override
    public void cancel(WorkspaceId workspaceId, ConnectionId connectionId) {
        jobs.cancelUnfinished(workspaceId, ReportSync.concurrencyKey(connectionId.value()));
    }
}
