package com.tttools.app.audit;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored security event ({@code userId}/{@code email} null when the account was unknown). */
public record SecurityEvent(
        UUID id,
        String type,
        UserId userId,
        String email,
        RequestMetadata request,
        Map<String, Object> details,
        Instant at) {
}
