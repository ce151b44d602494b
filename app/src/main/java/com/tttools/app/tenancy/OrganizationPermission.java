package com.tttools.app.tenancy;

/**
 * What can be done at organization level, each with the lowest organization role allowed to do it. This enum
 * is the organization half of the permission matrix (docs/permissions.md); {@link TenantAccess} enforces it.
 */
public enum OrganizationPermission {
    /** See the organization, its members and the workspaces one can see. */
    VIEW_ORGANIZATION(OrganizationRole.MEMBER),
    CREATE_WORKSPACE(OrganizationRole.ADMIN),
    /** Delete and restore workspaces. */
    DELETE_WORKSPACE(OrganizationRole.ADMIN),
    /** Invite, re-send and revoke invitations; change roles; remove members. */
    MANAGE_ORG_MEMBERS(OrganizationRole.ADMIN),
    READ_AUDIT_LOG(OrganizationRole.ADMIN),
    /** See and change how long each data class is kept (the privacy module's retention settings). */
    MANAGE_RETENTION(OrganizationRole.ADMIN),
    /** Export the organization's data (members, workspaces, settings, invitations, audit log) as a ZIP. */
    EXPORT_ORGANIZATION_DATA(OrganizationRole.OWNER),
    DELETE_ORGANIZATION(OrganizationRole.OWNER),
    TRANSFER_OWNERSHIP(OrganizationRole.OWNER);

    private final OrganizationRole minimumRole;

    OrganizationPermission(OrganizationRole minimumRole) {
        this.minimumRole = minimumRole;
    }

    public OrganizationRole minimumRole() {
        return minimumRole;
    }

    public boolean grantedTo(OrganizationRole role) {
        return role.atLeast(minimumRole);
    }
}
