package com.tttools.app.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * THE list of every database column that holds personal data, and how each is exported and erased. The personal
 * data export ({@code privacy.export}) builds its sections from it, account deletion ({@code privacy.deletion})
 * erases what it lists, and {@code PersonalDataInventoryIT} fails when a table gains an e-mail-, name-, IP- or
 * user-agent-shaped column that is listed neither here nor in {@link #NOT_PERSONAL}. A new module that stores
 * personal data adds its columns here (and a section to the export when the user can be found by them).
 */
public final class PersonalDataInventory {

    public enum Kind { EMAIL, NAME, IP, USER_AGENT, FREE_TEXT }

    /** How the column's value is made to go away after the grace period. */
    public enum Erasure {
        /** The row is deleted. */
        DELETE_ROW,
        /** The value is replaced by the account's stable tombstone ({@code deleted-user-<id>}). */
        TOMBSTONE,
        /** The value is set to NULL (the row stays). */
        NULLIFY
    }

    /**
     * One column holding personal data.
     *
     * @param section   the export section (JSON key, CSV file) whose rows carry it, or null when it is not exported
     * @param field     the field of that section (snake case, like the column)
     * @param exportNote why it is not exported, or how it is found ("where actor_user_id = the user")
     * @param erasedBy  which facade erases it
     */
    public record Column(String table, String column, Kind kind, String section, String field, Erasure erasure,
            String erasedBy, String exportNote) {

        public boolean exported() {
            return section != null;
        }
    }

    /** A column whose name looks personal but whose content is not personal data, with the reason. */
    public record NotPersonal(String table, String column, String reason) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("users", "email", Kind.EMAIL, "profile", "email", Erasure.TOMBSTONE,
                    "identity AccountLifecycle.erase", "the account"),
            new Column("users", "email_normalized", Kind.EMAIL, null, null, Erasure.TOMBSTONE,
                    "identity AccountLifecycle.erase", "not exported: the lower-cased copy of email"),
            new Column("users", "name", Kind.NAME, "profile", "name", Erasure.TOMBSTONE,
                    "identity AccountLifecycle.erase", "the account"),
            new Column("user_email_tokens", "new_email", Kind.EMAIL, "email_changes", "new_email", Erasure.DELETE_ROW,
                    "identity AccountLifecycle.erase", "where user_id = the user (only hashes of the tokens exist)"),
            new Column("personal_access_tokens", "name", Kind.FREE_TEXT, "personal_access_tokens", "name",
                    Erasure.DELETE_ROW, "identity AccountLifecycle.erase", "where user_id = the user, never the hash"),
            new Column("personal_access_tokens", "last_used_ip", Kind.IP, "personal_access_tokens", "last_used_ip",
                    Erasure.DELETE_ROW, "identity AccountLifecycle.erase", "where user_id = the user"),
            new Column("spring_session_attributes", "attribute_bytes", Kind.IP, "sessions", "ip", Erasure.DELETE_ROW,
                    "identity AccountLifecycle.endAllAccess (at once)",
                    "attribute tttools.ip, through AccountLifecycle.sessions; never the session id"),
            new Column("spring_session_attributes", "attribute_bytes", Kind.USER_AGENT, "sessions", "user_agent",
                    Erasure.DELETE_ROW, "identity AccountLifecycle.endAllAccess (at once)",
                    "attribute tttools.userAgent, through AccountLifecycle.sessions"),
            new Column("audit_events", "actor_email", Kind.EMAIL, "audit_events", "actor_email", Erasure.TOMBSTONE,
                    "audit AuditErasure.eraseUser", "where actor_user_id = the user"),
            new Column("audit_events", "ip", Kind.IP, "audit_events", "ip", Erasure.NULLIFY,
                    "audit AuditErasure.eraseUser", "where actor_user_id = the user"),
            new Column("audit_events", "user_agent", Kind.USER_AGENT, "audit_events", "user_agent", Erasure.NULLIFY,
                    "audit AuditErasure.eraseUser", "where actor_user_id = the user"),
            new Column("security_events", "email", Kind.EMAIL, "security_events", "email", Erasure.DELETE_ROW,
                    "audit AuditErasure.eraseUser", "where user_id = the user"),
            new Column("security_events", "ip", Kind.IP, "security_events", "ip", Erasure.DELETE_ROW,
                    "audit AuditErasure.eraseUser", "where user_id = the user"),
            new Column("security_events", "user_agent", Kind.USER_AGENT, "security_events", "user_agent",
                    Erasure.DELETE_ROW, "audit AuditErasure.eraseUser", "where user_id = the user"),
            new Column("invitations", "email", Kind.EMAIL, "invitations", "email", Erasure.TOMBSTONE,
                    "tenancy AccountMemberships.removeEverywhere", "where email_normalized = the user's address"),
            new Column("invitations", "email_normalized", Kind.EMAIL, null, null, Erasure.TOMBSTONE,
                    "tenancy AccountMemberships.removeEverywhere", "not exported: the lower-cased copy of email"),
            new Column("report_views", "name", Kind.FREE_TEXT, "saved_views", "name", Erasure.DELETE_ROW,
                    "reporting SavedViewOwners.deletePrivateViewsOf",
                    "where owner_id = the user; views shared with a workspace stay with it"),
            new Column("bulk_change_sets", "created_by_email", Kind.EMAIL, null, null, Erasure.TOMBSTONE,
                    "bulk BulkErasure.eraseUser",
                    "not exported: the workspace's record of who planned a change at TikTok (the audit log's"
                            + " own rows, exported, name the same actions)"),
            new Column("bulk_approvals", "user_email", Kind.EMAIL, null, null, Erasure.TOMBSTONE,
                    "bulk BulkErasure.eraseUser",
                    "not exported: the workspace's record of who approved or rejected a change (also in the"
                            + " exported audit events)"),
            new Column("notification_known_login_ips", "ip", Kind.IP, null, null, Erasure.DELETE_ROW,
                    "notifications NotificationErasure.eraseUser",
                    "not exported: kept only to recognise a sign-in from a new address; the same addresses are"
                            + " in the exported sessions and security events"),
            new Column("notification_deliveries", "address", Kind.EMAIL, null, null, Erasure.DELETE_ROW,
                    "notifications NotificationErasure.eraseUser",
                    "not exported: where a message went (the account's deliveries, and mail queued to its address"
                            + " without an account, such as invitations); the Telegram chat id of its link too"),
            new Column("notifications", "body", Kind.FREE_TEXT, null, null, Erasure.TOMBSTONE,
                    "notifications NotificationErasure.eraseUser",
                    "not exported: the account's own notifications are deleted; other people's that name its"
                            + " address (change set by ...) get the tombstone instead"),
            new Column("event_publication", "serialized_event", Kind.FREE_TEXT, null, null, Erasure.DELETE_ROW,
                    "privacy AccountDeletionService (completed publications naming the user or the address)",
                    "not exported: the delivery record of events (sign-up, invitations) between modules"));

    public static final List<NotPersonal> NOT_PERSONAL = List.of(
            new NotPersonal("organizations", "name", "an organization's name, the tenant's data"),
            new NotPersonal("workspaces", "name", "a workspace's (client's or brand's) name"),
            new NotPersonal("inventory_entities", "name", "a TikTok asset's name (campaign, ad, ...)"),
            new NotPersonal("report_daily_facts", "entity_name", "a TikTok asset's name"),
            new NotPersonal("report_fact_rollups", "entity_name", "a TikTok asset's name (the facts' weekly sums)"),
            new NotPersonal("report_fact_rollups_monthly", "entity_name", "a TikTok asset's name (the facts' monthly sums)"),
            new NotPersonal("report_advertisers", "name", "a TikTok advertiser account's name"),
            new NotPersonal("bulk_change_lines", "name", "a TikTok asset's name in a change set"),
            new NotPersonal("alert_rules", "name", "an alert rule's name, the workspace's configuration"),
            new NotPersonal("alert_firings", "entity_name", "a TikTok asset's name"),
            new NotPersonal("scheduled_tasks", "task_name", "a db-scheduler task type"),
            new NotPersonal("spring_session", "principal_name", "the user id; the row is deleted with the session"),
            new NotPersonal("spring_session_attributes", "attribute_name", "an attribute key"));

    /** The export sections, in the order the export writes them. */
    public static final List<String> SECTIONS = List.of("profile", "organization_memberships",
            "workspace_memberships", "sessions", "security_events", "audit_events", "personal_access_tokens",
            "saved_views", "invitations", "email_changes");

    private PersonalDataInventory() {
    }

    public static Set<String> listedColumns() {
        return java.util.stream.Stream.concat(COLUMNS.stream().map(c -> c.table() + "." + c.column()),
                NOT_PERSONAL.stream().map(n -> n.table() + "." + n.column())).collect(Collectors.toSet());
    }

    public static Optional<Column> find(String table, String column) {
        return COLUMNS.stream().filter(c -> c.table().equals(table) && c.column().equals(column)).findFirst();
    }
}
