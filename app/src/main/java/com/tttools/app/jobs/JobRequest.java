package com.tttools.app.jobs;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;

/**
 * A job to run.
 *
 * @param payloadJson     the handler's input as a JSON object
 * @param concurrencyKey  jobs with the same key in a workspace never run at once: submitting while one is
 *                        queued or running returns that one (e.g. {@code "sync:" + connectionId})
 * @param idempotencyKey  the caller's {@code Idempotency-Key}: a repeat returns the first job
 * @param createdBy       null for jobs the system starts
 */
public record JobRequest(WorkspaceId workspaceId, String type, String payloadJson, String concurrencyKey,
        String idempotencyKey, UserId createdBy) {
}
