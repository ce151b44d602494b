package com.tttools.app.audit;

import com.tttools.app.shared.UserId;
import java.util.Collection;

/**
 * Erasure of a deleted account's personal data from the audit log and the security events (privacy module).
 * Audit rows stay, with a stable tombstone instead of the actor's e-mail and without IP and user agent; they are
 * listed as erased so chain verification checks their links only. The user's security events are deleted.
 */
public interface AuditErasure {

    /**
     * Idempotent. {@code values} (the user's e-mail and name) are also replaced by the tombstone wherever they
     * are a whole string value in an event's details (e.g. an invitation to that address).
     *
     * @return the number of audit rows changed
     */
    int eraseUser(UserId userId, String tombstone, Collection<String> values);
}
