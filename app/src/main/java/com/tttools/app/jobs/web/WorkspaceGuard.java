package com.tttools.app.jobs.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The workspace of a jobs route, checked: a malformed or foreign id answers 404, a too-low role 403. */
@Component
class WorkspaceGuard {

    private final TenantAccess access;

    WorkspaceGuard(TenantAccess access) {
        this.access = access;
    }

    WorkspaceId require(AuthenticatedUser caller, String wsId, WorkspacePermission permission) {
        WorkspaceId workspace;
        try {
            workspace = new WorkspaceId(UUID.fromString(wsId));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace");
        }
        access.requireWorkspace(caller.id(), workspace, permission);
        return workspace;
    }
}
