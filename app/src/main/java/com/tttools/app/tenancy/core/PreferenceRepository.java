package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace each user last worked in (user-owned, not tenant-owned: the tenant is the value). */
@Repository
class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WorkspaceId> lastWorkspace(UserId userId) {
        return jdbc.sql("SELECT last_workspace_id FROM user_workspace_preferences WHERE user_id = :user")
                .param("user", userId.value())
                .query((rs, n) -> rs.getObject(1, UUID.class)).optional()
                .flatMap(Optional::ofNullable).map(WorkspaceId::new);
    }

    void remember(UserId userId, OrganizationId organizationId, WorkspaceId workspaceId, Instant now) {
        jdbc.sql("""
                INSERT INTO user_workspace_preferences (user_id, last_organization_id, last_workspace_id, updated_at)
                VALUES (:user, :org, :ws, :now)
                ON CONFLICT (user_id) DO UPDATE
                SET last_organization_id = EXCLUDED.last_organization_id,
                    last_workspace_id = EXCLUDED.last_workspace_id,
                    updated_at = EXCLUDED.updated_at""")
                .param("user", userId.value()).param("org", organizationId.value())
                .param("ws", workspaceId.value()).param("now", Timestamp.from(now)).update();
    }
}
