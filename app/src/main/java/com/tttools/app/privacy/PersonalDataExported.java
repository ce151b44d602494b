package com.tttools.app.privacy;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.Map;

/** A user received their personal data (inline JSON or the ZIP): audited as {@code privacy.data_exported}. */
public record PersonalDataExported(UserId userId, String email, RequestMetadata request, Instant at) {

    public AuditEntry auditEntry() {
        return new AuditEntry("privacy.data_exported", Actor.user(userId, email), "user", userId.toString(), null,
                null, request, Map.of(), at);
    }
}
