package com.tttools.app.tenancy;

/**
 * What can be done inside a workspace, each with the lowest workspace role allowed to do it. This enum is the
 * workspace half of the permission matrix (docs/permissions.md); {@link TenantAccess} enforces it.
 */
public enum WorkspacePermission {
    VIEW_WORKSPACE(WorkspaceRole.ANALYST),
    VIEW_INVENTORY(WorkspaceRole.ANALYST),
    VIEW_REPORTS(WorkspaceRole.ANALYST),
    EXPORT_CSV(WorkspaceRole.ANALYST),
    TRIGGER_SYNC(WorkspaceRole.OPERATOR),
    /** The TikTok account's own money (an advertiser's balance): not for analysts. */
    VIEW_ACCOUNT_BALANCE(WorkspaceRole.OPERATOR),
    CREATE_BULK_OPERATION(WorkspaceRole.OPERATOR),
    APPROVE_BULK_OPERATION(WorkspaceRole.ADMIN),
    MANAGE_CONNECTIONS(WorkspaceRole.ADMIN),
    MANAGE_WORKSPACE_MEMBERS(WorkspaceRole.ADMIN),
    MANAGE_NOTIFICATIONS(WorkspaceRole.ADMIN),
    /** Write alert rules and snooze their alerts: operators run the campaigns the rules watch. */
    MANAGE_ALERT_RULES(WorkspaceRole.OPERATOR),
    MANAGE_RETENTION(WorkspaceRole.ADMIN),
    /** The workspace's reporting currency and the exchange rates it enters itself. */
    MANAGE_WORKSPACE_SETTINGS(WorkspaceRole.ADMIN);

    private final WorkspaceRole minimumRole;

    WorkspacePermission(WorkspaceRole minimumRole) {
        this.minimumRole = minimumRole;
    }

    public WorkspaceRole minimumRole() {
        return minimumRole;
    }

    public boolean grantedTo(WorkspaceRole role) {
        return role.atLeast(minimumRole);
    }
}
