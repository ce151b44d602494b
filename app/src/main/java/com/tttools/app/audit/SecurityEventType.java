package com.tttools.app.audit;

/**
 * The types of security events, stored as {@link #code()} (documented in docs/audit-actions.md). Emitters
 * put the code in {@code SecurityEventOccurred.type}.
 */
public enum SecurityEventType {

    LOGIN_SUCCEEDED("login_succeeded"),
    LOGIN_FAILED("login_failed"),
    ACCOUNT_LOCKED("account_locked"),
    LOGGED_OUT("logged_out"),
    PASSWORD_CHANGED("password_changed"),
    PASSWORD_RESET("password_reset"),
    TWO_FACTOR_CHANGED("two_factor_changed"),
    TOKEN_CREATED("token_created"),
    TOKEN_REVOKED("token_revoked"),
    TOKEN_USED_FROM_NEW_IP("token_used_from_new_ip"),
    CSRF_REJECTED("csrf_rejected"),
    RATE_LIMITED("rate_limited");

    private final String code;

    SecurityEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
