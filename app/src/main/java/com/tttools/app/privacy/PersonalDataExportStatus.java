package com.tttools.app.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An export as the API shows it. {@code status}: QUEUED, RUNNING, READY, FAILED or EXPIRED; {@code progress}
 * 0..100; {@code downloadUrl} and {@code expiresAt} only while READY.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalDataExportStatus(String id, String status, int progress, String downloadUrl, Instant expiresAt,
        Instant createdAt) {

    public boolean finished() {
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }
}
