/**
 * Organizations, workspaces, memberships, roles and invitations. The base package is the module's API:
 * {@link com.tttools.app.tenancy.TenantAccess} (the one authorization check other modules call for
 * workspace- and organization-scoped work), the roles and permissions (the permission matrix itself lives in
 * {@link com.tttools.app.tenancy.WorkspacePermission} and {@link com.tttools.app.tenancy.OrganizationPermission})
 * and the past-tense events in {@link com.tttools.app.tenancy.TenancyEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy",
        allowedDependencies = { "shared", "identity", "audit", "platform :: config", "platform :: database", "platform :: mail",
                "platform :: web" })
package com.tttools.app.tenancy;
