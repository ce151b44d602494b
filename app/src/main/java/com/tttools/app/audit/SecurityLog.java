package com.tttools.app.audit;

import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Security events: the account page's login history and an organization admin's view of its members'.
 * Modules publish {@code SecurityEventOccurred} inside a transaction; {@link #record} is for places that
 * have none (a filter rejecting a CSRF token, a rate limiter).
 */
public interface SecurityLog {

    /** Stores the event now, in the caller's transaction if there is one. Secret-looking details are masked. */
    SecurityEvent record(SecurityEventOccurred event);

    /** The user's own events, newest first ({@code limit} 1..500; {@code cursor} from the previous page or null). */
    CursorPage<SecurityEvent> forUser(UserId userId, int limit, String cursor);

    /** Events of any of the given users (an organization's members), newest first. */
    CursorPage<SecurityEvent> forUsers(Collection<UserId> userIds, int limit, String cursor);

    /**
     * Events of the given users, each only from its own start on (an organization's members from when they
     * joined), and only of the given types, newest first.
     */
    CursorPage<SecurityEvent> forUsersSince(Map<UserId, Instant> since, Collection<String> types, int limit, String cursor);
}
