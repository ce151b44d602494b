package com.tttools.app.jobs;

import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;

/**
 * Runs the jobs of one {@link JobType}; a Spring bean. Each type has exactly one handler: two handlers of one type
 * fail start-up. Throw {@link JobFailedPermanently} for failures a retry cannot fix; any other exception is
 * retried with exponential backoff until the job's attempts run out. A handler that can resume should save a
 * checkpoint after each unit of work: a retried or revived run gets it back.
 */
public interface JobHandler<P extends Record> {

    JobType<P> type();

    /** A payload that cannot be read as {@code P} fails the job permanently before this is called. */
    void run(JobRun run, P payload) throws Exception;

    /**
     * Called once when a job of this type ends {@code FAILED} (out of attempts, or failed permanently), after the job
     * row says so; the owning module publishes its own "failed" event here (in a transaction of its own). Failures
     * here are logged and change nothing about the job.
     */
    default void failed(WorkspaceId workspaceId, P payload, String error, Instant at) {
    }
}
