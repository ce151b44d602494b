package com.tttools.app.identity.account;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;

/** The second sign-in factor (TOTP or a recovery code), as the login flow sees it. */
public interface SecondFactor {

    boolean enabled(UserId userId);

    /** Accepts a current TOTP code (not replayed) or an unused recovery code, consuming it. */
    boolean verify(UserId userId, String code, RequestMetadata request);
}
