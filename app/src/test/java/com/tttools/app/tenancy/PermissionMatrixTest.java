package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The permission enums say exactly what docs/permissions.md says (written out here independently). */
class PermissionMatrixTest {

    @Test
    void workspacePermissionsFollowTheMatrix() {
        assertThat(grantedTo(WorkspaceRole.ANALYST)).containsExactlyInAnyOrder(WorkspacePermission.VIEW_WORKSPACE,
                WorkspacePermission.VIEW_INVENTORY, WorkspacePermission.VIEW_REPORTS, WorkspacePermission.EXPORT_CSV);
        assertThat(grantedTo(WorkspaceRole.OPERATOR)).containsExactlyInAnyOrder(WorkspacePermission.VIEW_WORKSPACE,
                WorkspacePermission.VIEW_INVENTORY, WorkspacePermission.VIEW_REPORTS, WorkspacePermission.EXPORT_CSV,
                WorkspacePermission.TRIGGER_SYNC, WorkspacePermission.VIEW_ACCOUNT_BALANCE,
                WorkspacePermission.CREATE_BULK_OPERATION, WorkspacePermission.MANAGE_ALERT_RULES);
        assertThat(grantedTo(WorkspaceRole.ADMIN)).isEqualTo(EnumSet.allOf(WorkspacePermission.class));
    }

    @Test
    void organizationPermissionsFollowTheMatrix() {
        assertThat(grantedTo(OrganizationRole.MEMBER)).containsExactly(OrganizationPermission.VIEW_ORGANIZATION);
        assertThat(grantedTo(OrganizationRole.ADMIN)).containsExactlyInAnyOrder(OrganizationPermission.VIEW_ORGANIZATION,
                OrganizationPermission.CREATE_WORKSPACE, OrganizationPermission.DELETE_WORKSPACE,
                OrganizationPermission.MANAGE_ORG_MEMBERS, OrganizationPermission.READ_AUDIT_LOG,
                OrganizationPermission.MANAGE_RETENTION);
        assertThat(grantedTo(OrganizationRole.OWNER)).isEqualTo(EnumSet.allOf(OrganizationPermission.class));
    }

    @Test
    void organizationOwnersAndAdminsActAsWorkspaceAdmins() {
        assertThat(OrganizationRole.OWNER.administersAllWorkspaces()).isTrue();
        assertThat(OrganizationRole.ADMIN.administersAllWorkspaces()).isTrue();
        assertThat(OrganizationRole.MEMBER.administersAllWorkspaces()).isFalse();
    }

    @Test
    void unknownRoleNamesAreNotParsed() {
        assertThat(OrganizationRole.parse("owner")).isEmpty();
        assertThat(OrganizationRole.parse("SUPERUSER")).isEmpty();
        assertThat(WorkspaceRole.parse("VIEWER")).isEmpty();
        assertThat(WorkspaceRole.parse("OPERATOR")).contains(WorkspaceRole.OPERATOR);
    }

    private static Set<WorkspacePermission> grantedTo(WorkspaceRole role) {
        return Arrays.stream(WorkspacePermission.values()).filter(p -> p.grantedTo(role)).collect(Collectors.toSet());
    }

    private static Set<OrganizationPermission> grantedTo(OrganizationRole role) {
        return Arrays.stream(OrganizationPermission.values()).filter(p -> p.grantedTo(role)).collect(Collectors.toSet());
    }
}
