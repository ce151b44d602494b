package com.tttools.app.identity;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.List;

/** What the privacy module needs of identity to export and to delete an account. */
public interface AccountLifecycle {

    /** A session as the data export shows it: no session id, no digest of one. */
    record SessionMetadata(String ip, String userAgent, Instant createdAt, Instant lastSeenAt) {
    }

    List<SessionMetadata> sessions(UserId userId);

    /** Ends every session and revokes every personal access token of the user, at once. */
    void endAllAccess(UserId userId, RequestMetadata request);

    /**
     * Erases the account's personal data in identity's tables: e-mail and name become the tombstone, the password
     * can no longer match, and two-factor secrets, recovery codes, e-mail tokens and access tokens are deleted.
     * Idempotent. The row itself stays, so ids elsewhere (audit actors, invitations) keep pointing somewhere.
     */
    void erase(UserId userId, String tombstone);
}
