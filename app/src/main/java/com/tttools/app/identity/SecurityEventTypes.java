package com.tttools.app.identity;

/** Types of {@link com.tttools.app.shared.audit.SecurityEventOccurred} the identity module publishes. */
public final class SecurityEventTypes {

    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String LOGIN_LOCKED = "login.locked";
    public static final String LOGOUT = "logout";
    public static final String PASSWORD_CHANGED = "password.changed";
    public static final String PASSWORD_RESET_REQUESTED = "password.reset_requested";
    public static final String PASSWORD_RESET = "password.reset";
    public static final String EMAIL_CHANGED = "email.changed";
    public static final String TWO_FACTOR_ENABLED = "two_factor.enabled";
    public static final String TWO_FACTOR_DISABLED = "two_factor.disabled";
    public static final String RECOVERY_CODE_USED = "two_factor.recovery_code_used";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String TOKEN_USED_FROM_NEW_IP = "token.new_ip";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String CSRF_REJECTED = "csrf.rejected";
    public static final String RATE_LIMITED = "rate_limit.hit";

    private SecurityEventTypes() {
    }
}
