package com.tttools.app.shared.audit;

import com.tttools.app.shared.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * A security-relevant happening (login success/failure, lockout, logout, password change, 2FA change, token
 * created/revoked, CSRF rejection, rate-limit hit, ...). Stored by the audit module in its own table, kept
 * for a shorter time than the audit log. {@code userId}/{@code email} may be null (unknown account).
 * Never carries a password, token, code or session id.
 */
public record SecurityEventOccurred(
        String type,
        UserId userId,
        String email,
        RequestMetadata request,
        Map<String, String> details,
        Instant occurredAt) {

    public SecurityEventOccurred {
        details = details == null ? Map.of() : Map.copyOf(details);
        request = request == null ? RequestMetadata.none() : request;
    }
}
