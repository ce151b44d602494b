package com.tttools.app.jobs;

import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;

/** What a handler sees of the job it runs. The workspace comes from the job row, never from the payload. */
public interface JobRun {

    String jobId();

    WorkspaceId workspaceId();

    String payloadJson();

    int attempt();

    /** The JSON saved by {@link #checkpoint(String)} in an earlier attempt, if any. */
    Optional<String> lastCheckpoint();

    void checkpoint(String json);

    void progress(long done, Long total);

    /** Throws {@link JobCancelledException} when a user asked to cancel: call it between units of work. */
    void stopIfCancelled();
}
