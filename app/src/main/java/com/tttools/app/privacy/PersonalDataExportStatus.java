package com.tttools.app.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An export as the API shows it. {@code progress} 0..100; {@code downloadUrl} and {@code expiresAt} only while
 * READY.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalDataExportStatus(String id, State status, int progress, String downloadUrl, Instant expiresAt,
        Instant createdAt) {

    /** Derived from the export's job and its file (not stored): the API shows the name. */
    public enum State {
        QUEUED, RUNNING, READY, FAILED, EXPIRED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    public boolean finished() {
        return status.finished();
    }

    public boolean ready() {
        return status == State.READY;
    }
}
