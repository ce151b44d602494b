package com.tttools.app.reporting;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobType;
import com.tttools.app.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.UUID;

/** The report sync job of a connection: its type, payload and concurrency key, built only here. */
public final class ReportSync {

    /** The stored name predates the module split: rows of queued syncs keep it. */
    public static final JobType<Payload> JOB = JobType.of("tiktok.report-sync", "Report sync (daily figures)",
            Payload.class);

    /**
     * @param from null: a new advertiser's backfill, else the restatement window
     * @param to   null: today in the advertiser's time zone
     */
    public record Payload(UUID connectionId, LocalDate from, LocalDate to) {

        public static Payload defaultRange(UUID connectionId) {
            return new Payload(connectionId, null, null);
        }
    }

    private ReportSync() {
    }

    /** A sync of the connection, one at a time per connection. */
    public static JobRequest<Payload> request(WorkspaceId workspaceId, Payload payload) {
        return JobRequest.of(workspaceId, JOB, payload).withConcurrencyKey(concurrencyKey(payload.connectionId()));
    }

    /** One report sync per connection at a time, whoever started it. */
    public static String concurrencyKey(UUID connectionId) {
        return "sync:" + connectionId + ":REPORTS";
    }
}
