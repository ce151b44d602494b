package com.tttools.app.identity;

import com.tttools.app.shared.UserId;

/**
 * Accounts whose owner asked to delete them and whose grace period still runs. Implemented by the privacy
 * module; identity calls it after every successful sign-in, because signing in within the grace period
 * restores the account.
 */
public interface PendingAccountDeletions {

    /** Cancels the user's pending deletion; true when there was one (so the sign-in page can say so). */
    boolean restore(UserId userId);
}
