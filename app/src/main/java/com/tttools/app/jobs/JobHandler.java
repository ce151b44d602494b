package com.tttools.app.jobs;

/**
 * Runs jobs of one type. Throw {@link JobFailedPermanently} for failures a retry cannot fix; any other
 * exception is retried with exponential backoff until the job's attempts run out. A handler that can
 * resume should save a checkpoint after each unit of work: a retried or revived run gets it back.
 */
public interface JobHandler {

    String type();

    void run(JobRun run) throws Exception;
}
