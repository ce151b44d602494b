package com.tttools.app.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of audit actions, documented in docs/audit-actions.md (a test keeps the two equal). Emitters
 * put {@link #code()} in their {@code AuditEntry}; {@code details} carry the listed keys, changes as
 * {@code before}/{@code after}.
 */
public enum AuditAction {

    // identity (sign-in activity is in the security log: SecurityEventType)
    USER_SIGNED_UP("user.signed_up", "identity", "user"),
    USER_EMAIL_VERIFIED("user.email_verified", "identity", "user"),
    USER_PROFILE_CHANGED("user.profile_changed", "identity", "user", "name"),
    USER_EMAIL_CHANGED("user.email_changed", "identity", "user", "before", "after"),
    USER_PASSWORD_CHANGED("user.password_changed", "identity", "user"),
    USER_PASSWORD_RESET("user.password_reset", "identity", "user"),

    // tenancy
    ORGANIZATION_CREATED("organization.created", "tenancy", "organization", "name"),
    ORGANIZATION_DELETED("organization.deleted", "tenancy", "organization", "name"),
    ORGANIZATION_OWNERSHIP_TRANSFERRED("organization.ownership_transferred", "tenancy", "organization", "from", "to"),
    MEMBER_INVITED("member.invited", "tenancy", "invitation", "email", "role", "workspaces"),
    INVITATION_RESENT("invitation.resent", "tenancy", "invitation", "email"),
    INVITATION_REVOKED("invitation.revoked", "tenancy", "invitation", "email"),
    INVITATION_ACCEPTED("invitation.accepted", "tenancy", "user", "invitationId", "email", "role"),
    MEMBER_ROLE_CHANGED("member.role_changed", "tenancy", "user", "role"),
    MEMBER_REMOVED("member.removed", "tenancy", "user", "role"),
    MEMBER_LEFT("member.left", "tenancy", "user", "role"),
    WORKSPACE_CREATED("workspace.created", "tenancy", "workspace", "name", "timezone", "currency"),
    WORKSPACE_CURRENCY_CHANGED("workspace.currency_changed", "tenancy", "workspace", "before", "after"),
    WORKSPACE_DELETED("workspace.deleted", "tenancy", "workspace", "name", "purgeAfter"),
    WORKSPACE_RESTORED("workspace.restored", "tenancy", "workspace", "name"),
    WORKSPACE_PURGED("workspace.purged", "tenancy", "workspace", "name"),
    WORKSPACE_MEMBER_ADDED("workspace_member.added", "tenancy", "user", "role"),
    WORKSPACE_MEMBER_ROLE_CHANGED("workspace_member.role_changed", "tenancy", "user", "role"),
    WORKSPACE_MEMBER_REMOVED("workspace_member.removed", "tenancy", "user", "role"),

    // tiktok connections
    CONNECTION_CONNECTED("connection.connected", "tiktok", "connection", "scopes", "advertiserCount"),
    CONNECTION_REAUTHORIZED("connection.reauthorized", "tiktok", "connection", "scopes"),
    CONNECTION_NEEDS_REAUTH("connection.needs_reauth", "tiktok", "connection", "error"),
    CONNECTION_DISCONNECTED("connection.disconnected", "tiktok", "connection", "revokedAtTikTok",
            "dataDeleted", "advertisersDeleted", "advertisersKept"),
    CONNECTION_REMOVED("connection.removed", "tiktok", "connection", "advertiserCount"),
    CONNECTION_STATUS_CHANGED("connection.status_changed", "tiktok", "connection", "from", "to", "error"),
    CONNECTION_ADVERTISERS_CHANGED("connection.advertisers_changed", "tiktok", "connection", "added", "lost"),

    // sync jobs
    SYNC_REQUESTED("sync.requested", "jobs", "job", "kind", "connectionId", "from", "to"),
    JOB_CANCELLED("job.cancelled", "jobs", "job", "type"),
    JOB_FAILED("job.failed", "jobs", "job", "type", "attempts", "error"),

    // bulk operations (change sets, module bulk)
    BULK_OPERATION_CREATED("bulk_operation.created", "bulk", "bulk_operation", "kind", "level", "itemCount", "status",
            "changes", "revertOf"),
    BULK_OPERATION_APPROVED("bulk_operation.approved", "bulk", "bulk_operation", "kind", "level", "itemCount",
            "comment"),
    BULK_OPERATION_REJECTED("bulk_operation.rejected", "bulk", "bulk_operation", "kind", "level", "itemCount",
            "reason"),
    BULK_OPERATION_EXPIRED("bulk_operation.expired", "bulk", "bulk_operation", "kind", "level", "itemCount"),
    BULK_OPERATION_APPLY_STARTED("bulk_operation.apply_started", "bulk", "bulk_operation", "kind", "level",
            "itemCount", "jobId"),
    BULK_OPERATION_CANCELLED("bulk_operation.cancelled", "bulk", "bulk_operation", "kind", "level", "itemCount",
            "from"),
    BULK_OPERATION_APPLIED("bulk_operation.applied", "bulk", "bulk_operation", "kind", "level", "itemCount", "status",
            "succeeded", "failed", "skipped", "verified", "drifted", "changes"),
    BULK_OPERATION_REVERTED("bulk_operation.reverted", "bulk", "bulk_operation", "kind", "level", "itemCount",
            "status", "succeeded", "failed", "skipped", "verified", "drifted", "changes", "revertOf"),
    BULK_POLICY_CHANGED("bulk_policy.changed", "bulk", "workspace", "before", "after"),

    // reporting
    REPORT_EXPORTED("report.exported", "reporting", "report", "level", "from", "to", "metrics", "rows"),
    REPORT_VIEW_CREATED("report_view.created", "reporting", "report_view", "name", "visibility"),
    REPORT_VIEW_DELETED("report_view.deleted", "reporting", "report_view", "name"),
    EXCHANGE_RATE_SET("exchange_rate.set", "reporting", "exchange_rate", "currency", "date", "before", "after"),
    EXCHANGE_RATE_DELETED("exchange_rate.deleted", "reporting", "exchange_rate", "currency", "date", "perEur"),

    // privacy
    PRIVACY_DATA_EXPORTED("privacy.data_exported", "privacy", "user"),
    PRIVACY_ACCOUNT_DELETED("privacy.account_deleted", "privacy", "user"),
    PRIVACY_RETENTION_CHANGED("privacy.retention_changed", "privacy", "organization", "dataClass", "before", "after"),
    PRIVACY_RETENTION_PURGED("privacy.retention_purged", "privacy", "retention", "counts", "failed"),

    // audit
    AUDIT_EXPORTED("audit.exported", "audit", "audit_log", "rows", "completed", "filters"),
    AUDIT_RETENTION_CHANGED("audit.retention_changed", "audit", "organization", "before", "after"),
    AUDIT_PURGED("audit.purged", "audit", "audit_log", "count", "cutoff", "retentionDays", "anchorSeq");

    private final String code;
    private final String emittedBy;
    private final String targetType;
    private final List<String> detailsKeys;

    AuditAction(String code, String emittedBy, String targetType, String... detailsKeys) {
        this.code = code;
        this.emittedBy = emittedBy;
        this.targetType = targetType;
        this.detailsKeys = List.of(detailsKeys);
    }

    /** What is stored in the {@code action} column, e.g. {@code member.role_changed}. */
    public String code() {
        return code;
    }

    /** The module whose operation records it. */
    public String emittedBy() {
        return emittedBy;
    }

    public String targetType() {
        return targetType;
    }

    public List<String> detailsKeys() {
        return detailsKeys;
    }

    public static Optional<AuditAction> ofCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
    }
}
