package com.tttools.app.identity;

/**
 * Types of {@link com.tttools.app.shared.audit.SecurityEventOccurred} the identity module publishes (and the one the
 * TikTok connect flow publishes), and their words for pages ({@link #label}).
 */
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
    /** Published by the TikTok connect flow: a consent callback that did not match the signed-in user's attempt. */
    public static final String TIKTOK_CALLBACK_REJECTED = "tiktok.oauth_callback_rejected";

    private SecurityEventTypes() {
    }

    /** What happened, in words for the account page ("Signed in", "Password changed"); every type above has its own. */
    public static String label(String type) {
        if (type == null) {
            return "";
        }
        String words = words(type);
        return words != null ? words : fallback(type);
    }

    /** The words of a type listed above; null for another one. */
    static String words(String type) {
        return switch (type) {
            case LOGIN_SUCCEEDED -> "Signed in";
            case LOGIN_FAILED -> "Sign-in failed (wrong password or code)";
            case LOGIN_LOCKED -> "Sign-in locked after too many failures";
            case LOGOUT -> "Signed out";
            case PASSWORD_CHANGED -> "Password changed";
            case PASSWORD_RESET_REQUESTED -> "Password reset requested";
            case PASSWORD_RESET -> "Password reset";
            case EMAIL_CHANGED -> "E-mail address changed";
            case TWO_FACTOR_ENABLED -> "Two-factor sign-in turned on";
            case TWO_FACTOR_DISABLED -> "Two-factor sign-in turned off";
            case RECOVERY_CODE_USED -> "Recovery code used to sign in";
            case TOKEN_CREATED -> "API token created";
            case TOKEN_REVOKED -> "API token revoked";
            case TOKEN_USED_FROM_NEW_IP -> "API token used from a new IP address";
            case SESSION_REVOKED -> "Signed out of a session";
            case CSRF_REJECTED -> "Request refused (form expired or sent from another site)";
            case RATE_LIMITED -> "Too many attempts: slowed down";
            case TIKTOK_CALLBACK_REJECTED -> "TikTok connection refused (it did not match your attempt)";
            default -> null;
        };
    }

    /** A type without words of its own (a newer one): its code with spaces, capitalised. */
    static String fallback(String type) {
        String spaced = type.replace('.', ' ').replace('_', ' ').strip();
        return spaced.isEmpty() ? type : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
