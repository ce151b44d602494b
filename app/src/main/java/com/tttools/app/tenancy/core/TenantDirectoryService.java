package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantDirectory;
import com.tttools.app.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class TenantDirectoryService implements TenantDirectory {

    private final JdbcClient jdbc;

    TenantDirectoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrganizationId> organizationOf(WorkspaceId workspaceId) {
        return jdbc.sql("SELECT organization_id FROM workspaces WHERE id = :id")
                .param("id", workspaceId.value())
                .query(UUID.class)
                .optional()
                .map(OrganizationId::new);
    }

    @Override
    public List<UserId> workspaceAdmins(WorkspaceId workspaceId) {
        return jdbc.sql("""
                SELECT m.user_id FROM workspace_members m
                WHERE m.workspace_id = :ws AND m.role = 'ADMIN'
                UNION
                SELECT o.user_id FROM organization_members o JOIN workspaces w ON w.organization_id = o.organization_id
                WHERE w.id = :ws AND o.role IN ('OWNER', 'ADMIN')
                """)
                .param("ws", workspaceId.value())
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .list();
    }
}
