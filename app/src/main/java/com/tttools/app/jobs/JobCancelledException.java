package com.tttools.app.jobs;

/** Thrown by {@link JobRun#stopIfCancelled()} to end a run a user cancelled. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("cancelled");
    }
}
