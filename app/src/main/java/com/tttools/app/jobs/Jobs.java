package com.tttools.app.jobs;

import java.util.List;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;

/** The jobs facade. Every method is scoped by workspace: a job of another workspace is not found. */
public interface Jobs {

    /**
     * Queues a job in the caller's transaction, or returns the unfinished job with the same concurrency key or the
     * job with the same idempotency key.
     *
     * @throws IllegalArgumentException when no handler runs the request's type
     */
    <P extends Record> JobView submit(JobRequest<P> request);

    Optional<JobView> find(WorkspaceId workspaceId, JobId jobId);

    CursorPage<JobView> list(WorkspaceId workspaceId, JobFilter filter, int limit, String cursor);

    /** Cancels a queued job at once, or asks a running one to stop; false when there is no such unfinished job. */
    boolean cancel(WorkspaceId workspaceId, JobId jobId);

    /**
     * Cancels every unfinished job of the workspace with that concurrency key (e.g. the syncs of a connection that
     * is disconnected), as {@link #cancel} does; returns how many were cancelled or asked to stop.
     */
    int cancelUnfinished(WorkspaceId workspaceId, String concurrencyKey);

    /** The job types a handler runs (every registered {@link JobHandler}'s type), by name. */
    List<JobType<?>> types();

    /** The newest job of the workspace with that concurrency key, whatever its status (e.g. a connection's last sync). */
    Optional<JobView> latest(WorkspaceId workspaceId, String concurrencyKey);

    /** Whether a job of the workspace with that concurrency key is still queued or running (e.g. stopping). */
    boolean hasUnfinished(WorkspaceId workspaceId, String concurrencyKey);
}
