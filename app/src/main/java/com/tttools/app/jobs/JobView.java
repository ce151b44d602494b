package com.tttools.app.jobs;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import java.time.Instant;
import java.util.List;

/** A job as users see it (the API's job object). */
public record JobView(String id, String workspaceId, String type, JobStatus status, Progress progress, int attempts,
        String lastError, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        List<String> messages) {

    /** The typed id, for calls back into {@link Jobs} (the API shows {@link #id()}). */
    public JobId jobId() {
        return JobId.of(id);
    }

    /** The member who submitted the job, typed; null for jobs the system started. */
    public UserId creator() {
        return createdBy == null ? null : UserId.of(createdBy);
    }

    /** {@code total} is null while unknown. */
    public record Progress(long done, Long total) {
    }
}
