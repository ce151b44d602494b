package com.tttools.app.jobs;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;

/**
 * What a handler sees of the job it runs (the payload comes as {@link JobHandler#run}'s argument). The workspace
 * comes from the job row, never from the payload.
 */
public interface JobRun {

    JobId jobId();

    WorkspaceId workspaceId();

    int attempt();

    /** The JSON saved by {@link #checkpoint(String)} in an earlier attempt, if any. */
    Optional<String> lastCheckpoint();

    void checkpoint(String json);

    void progress(long done, Long total);

    /**
     * Leaves a note for the job's user, shown with the job (e.g. an entity that was skipped because it could not be
     * stored): one line, no secrets. The same note is kept once; a job keeps at most 50.
     */
    void message(String text);

    /** Throws {@link JobCancelledException} when a user asked to cancel: call it between units of work. */
    void stopIfCancelled();
}
