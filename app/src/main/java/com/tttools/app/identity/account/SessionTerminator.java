package com.tttools.app.identity.account;

import com.tttools.app.shared.UserId;

/** Ends a user's sessions (after a password reset or change). Implemented over Spring Session. */
public interface SessionTerminator {

    /** Ends every session of the user except {@code keepSessionId} (null: all of them). Returns how many ended. */
    int endAllSessions(UserId userId, String keepSessionId);
}
