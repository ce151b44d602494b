package com.tttools.app.jobs;

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
}
