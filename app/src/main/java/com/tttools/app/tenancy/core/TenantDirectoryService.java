package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantDirectory;
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
}
