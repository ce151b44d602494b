package com.tttools.app.reporting.internal;

import com.tttools.app.jobs.Jobs;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.SyncLauncher;
import java.time.LocalDate;
import java.util.UUID;
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
    public String launch(WorkspaceId workspaceId, UUID connectionId, LocalDate from, LocalDate to,
            String idempotencyKey, UserId requestedBy) {
        return jobs.submit(ReportSync.request(workspaceId, new ReportSync.Payload(connectionId, from, to))
                .withIdempotencyKey(idempotencyKey).withCreatedBy(requestedBy)).id();
    }

    @Override
    public java.util.Optional<com.tttools.app.jobs.JobView> last(WorkspaceId workspaceId, UUID connectionId) {
        return jobs.latest(workspaceId, com.tttools.app.reporting.ReportSync.concurrencyKey(connectionId));
    }

    @Override
    public void cancel(WorkspaceId workspaceId, UUID connectionId) {
        jobs.cancelUnfinished(workspaceId, ReportSync.concurrencyKey(connectionId));
    }
}
