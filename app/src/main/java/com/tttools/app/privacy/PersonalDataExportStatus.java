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
        QUEUED("Waiting to start", "badge"),
        RUNNING("Collecting your data…", "badge"),
        READY("Ready", "badge badge-ok"),
        FAILED("Failed — request a new one", "badge badge-warn"),
        EXPIRED("Link expired", "badge");

        private final String words;
        private final String badge;

        State(String words, String badge) {
            this.words = words;
            this.badge = badge;
        }

        /** What the account page shows (the API shows the name). */
        public String words() {
            return words;
        }

        /** The badge's CSS classes on the account page. */
        public String badge() {
            return badge;
        }

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
