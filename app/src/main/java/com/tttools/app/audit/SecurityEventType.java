package com.tttools.app.audit;

/**
 * The types of security events, stored as {@link #code()} (documented in docs/audit-actions.md); the same codes
 * as identity's {@code SecurityEventTypes}. Emitters put the code in {@code SecurityEventOccurred.type}.
 */
public enum SecurityEventType {

    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_LOCKED("login.locked"),
    LOGOUT("logout"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_RESET_REQUESTED("password.reset_requested"),
    PASSWORD_RESET("password.reset"),
    EMAIL_CHANGED("email.changed"),
    TWO_FACTOR_ENABLED("two_factor.enabled"),
    TWO_FACTOR_DISABLED("two_factor.disabled"),
    RECOVERY_CODE_USED("two_factor.recovery_code_used"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked"),
    TOKEN_USED_FROM_NEW_IP("token.new_ip"),
    SESSION_REVOKED("session.revoked"),
    CSRF_REJECTED("csrf.rejected"),
    RATE_LIMITED("rate_limit.hit"),
    TIKTOK_CALLBACK_REJECTED("tiktok.oauth_callback_rejected");

    private final String code;

    SecurityEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
