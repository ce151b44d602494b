package com.tttools.app.audit;

import com.tttools.app.shared.WorkspaceId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The kind of each job that acted in the log, in words ("Campaign and asset sync"), for the audit page's "Who"
 * column and CSV: a job is recorded as the system actor {@code job:<job id>} only. The jobs module (which may
 * depend on audit, not the other way) provides this.
 */
public interface JobNames {

    /** The label of each of these jobs the workspace still has; jobs that are gone (or elsewhere) are left out. */
    Map<UUID, String> labels(WorkspaceId workspace, Collection<UUID> jobIds);
}
