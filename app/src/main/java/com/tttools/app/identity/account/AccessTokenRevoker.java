package com.tttools.app.identity.account;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;

/** Revokes every personal access token of a user (after a password reset or change). */
public interface AccessTokenRevoker {

    /** Revokes all live tokens of the user; returns how many. */
    int revokeAllTokens(UserId userId, String reason, RequestMetadata request);
}
