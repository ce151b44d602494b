package com.tttools.app.privacy.retention;

import java.util.Arrays;
import java.util.Optional;

/**
 * The retention catalogue: every class of data we hold, how long it is kept and who deletes it
 * (docs/retention.md). Classes that end with an event (account deletion, disconnect, workspace deletion) have no
 * days; fixed classes have one value; configurable classes have bounds and a default, and each organization
 * may choose within them.
 */
enum DataClass {

    ACCOUNTS("accounts", "Accounts", "Kept until the account is deleted.", Kind.WITH_EVENT, null, null, null),
    TIKTOK_TOKENS("tiktok_tokens", "TikTok tokens",
            "Deleted when the connection is disconnected, its workspace is deleted or TikTok asks to re-authorize.",
            Kind.WITH_EVENT, null, null, null),
    /** 25 months by default, 3 to 120 months, counted in days (a month = 365.2425 / 12 days, rounded). */
    REPORT_FACTS("report_facts", "Reporting data",
            "Daily performance figures of every workspace, deleted by date once older than this.", Kind.CONFIGURABLE,
            761, 91, 3652),
    SAVED_VIEWS_EXPORTS("saved_views_exports", "Saved views and export records",
            "Kept with their workspace and deleted with it.", Kind.WITH_EVENT, null, null, null),
    /** Stored by the audit module (audit_retention); its default comes from there. */
    AUDIT_EVENTS("audit_events", "Audit log", "Deleted once older than this, oldest first.", Kind.CONFIGURABLE, 365,
            90, 3650),
    SECURITY_EVENTS("security_events", "Security events (sign-in history)", "Deleted once older than this.",
            Kind.FIXED, 90, 90, 90),
    SESSIONS("sessions", "Sign-in sessions", "Deleted when they expire.", Kind.FIXED, 0, 0, 0),
    JOBS("jobs", "Background jobs and their data", "Deleted this long after they finished.", Kind.FIXED, 90, 90, 90),
    EMAIL_TOKENS("email_tokens", "E-mail links (verification, password reset, e-mail change)",
            "Deleted when they expire.", Kind.FIXED, 0, 0, 0),
    INVITATIONS("invitations", "Invitations", "Deleted this long after they expired or were revoked.", Kind.FIXED,
            30, 30, 30),
    DISCONNECTED_CONNECTION_DATA("disconnected_connection_data", "Synced data of a disconnected connection",
            "Kept for reporting history and deleted with the workspace, or at once when the admin ticks \"Also "
                    + "delete its synced data\" on disconnect.", Kind.WITH_EVENT, null, null, null);

    enum Kind { WITH_EVENT, FIXED, CONFIGURABLE }

    private final String code;
    private final String label;
    private final String rule;
    private final Kind kind;
    private final Integer defaultDays;
    private final Integer minDays;
    private final Integer maxDays;

    DataClass(String code, String label, String rule, Kind kind, Integer defaultDays, Integer minDays,
            Integer maxDays) {
        this.code = code;
        this.label = label;
        this.rule = rule;
        this.kind = kind;
        this.defaultDays = defaultDays;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    String rule() {
        return rule;
    }

    Kind kind() {
        return kind;
    }

    Integer defaultDays() {
        return defaultDays;
    }

    Integer minDays() {
        return minDays;
    }

    Integer maxDays() {
        return maxDays;
    }

    boolean configurable() {
        return kind == Kind.CONFIGURABLE;
    }

    boolean allows(int days) {
        return minDays != null && days >= minDays && days <= maxDays;
    }

    static Optional<DataClass> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
