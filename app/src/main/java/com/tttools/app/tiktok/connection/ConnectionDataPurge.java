package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of the tenant lifecycle for connections: suspend/resume a deleted workspace's connections, and remove
 * what the tiktok module holds of a workspace that is gone. Pending revocations are the one exception: they stay
 * until TikTok confirmed the revocation (or {@link PendingRevocations} gave up), then go too.
 */
@Repository
class ConnectionDataPurge {

    private final JdbcClient jdbc;

    ConnectionDataPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int suspend(WorkspaceId workspaceId, Instant at) {
        return jdbc.sql("""
                        UPDATE tiktok_connection SET suspended_at = :at
                        WHERE workspace_id = :ws AND suspended_at IS NULL""")
                .param("ws", workspaceId.value()).param("at", Timestamp.from(at)).update();
    }

    int resume(WorkspaceId workspaceId) {
        return jdbc.sql("UPDATE tiktok_connection SET suspended_at = NULL WHERE workspace_id = :ws")
                .param("ws", workspaceId.value()).update();
    }

    /** Workspaces that hold connections of the organization (the event names them too; this is the backstop). */
    List<WorkspaceId> workspacesOf(OrganizationId organizationId) {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM tiktok_connection WHERE organization_id = :org")
                .param("org", organizationId.value())
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    /** Tokens (normally gone with the disconnect already), OAuth states and connection rows of the workspace. */
    @Transactional
    void deleteRows(WorkspaceId workspaceId) {
        for (String table : List.of("tiktok_token", "tiktok_oauth_state", "tiktok_connection")) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws").param("ws", workspaceId.value()).update();
        }
    }
}
