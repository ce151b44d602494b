package com.tttools.app.jobs;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Objects;

/**
 * A job to run: start with {@link #of} and add keys with the {@code with...} methods, e.g.
 * {@code JobRequest.of(workspace, AssetSync.JOB, new AssetSync.Payload(id)).withConcurrencyKey(key)}.
 *
 * @param payload         the handler's input, stored as JSON
 * @param concurrencyKey  jobs with the same key in a workspace never run at once: submitting while one is
 *                        queued or running returns that one; build it in one place per concept (e.g.
 *                        {@code AssetSync.concurrencyKey(connectionId)})
 * @param idempotencyKey  the caller's {@code Idempotency-Key}: a repeat returns the first job
 * @param createdBy       null for jobs the system starts
 */
public record JobRequest<P extends Record>(WorkspaceId workspaceId, JobType<P> type, P payload,
        String concurrencyKey, String idempotencyKey, UserId createdBy) {

    public JobRequest {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /** A system job without keys. */
    public static <P extends Record> JobRequest<P> of(WorkspaceId workspaceId, JobType<P> type, P payload) {
        return new JobRequest<>(workspaceId, type, payload, null, null, null);
    }

    public JobRequest<P> withConcurrencyKey(String key) {
        return new JobRequest<>(workspaceId, type, payload, key, idempotencyKey, createdBy);
    }

    public JobRequest<P> withIdempotencyKey(String key) {
        return new JobRequest<>(workspaceId, type, payload, concurrencyKey, key, createdBy);
    }

    public JobRequest<P> withCreatedBy(UserId user) {
        return new JobRequest<>(workspaceId, type, payload, concurrencyKey, idempotencyKey, user);
    }
}
