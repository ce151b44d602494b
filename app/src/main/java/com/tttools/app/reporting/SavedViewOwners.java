package com.tttools.app.reporting;

import com.tttools.app.shared.UserId;

/** Saved views as account deletion (privacy module) sees them. */
public interface SavedViewOwners {

    /**
     * Deletes the user's private saved views (their names are the user's own words). Views they shared with a
     * workspace are the workspace's and stay. Idempotent; returns how many went.
     */
    int deletePrivateViewsOf(UserId userId);
}
