package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.WorkspaceRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code workspaces} and {@code workspace_members}; every statement names the organization. */
@Repository
public class WorkspaceRepository {

    public record Workspace(WorkspaceId id, OrganizationId organizationId, String name, String timezone,
            String currency, Instant deletedAt) {
    }

    /** A user's standing in a workspace: their organization role and their own workspace role (or null). */
    record Standing(Workspace workspace, OrganizationRole organizationRole, WorkspaceRole workspaceRole) {
    }

    public record Member(UserId userId, WorkspaceRole role) {
    }

    private static final String COLUMNS = "w.id, w.organization_id, w.name, w.timezone, w.currency, w.deleted_at";

    private final JdbcClient jdbc;

    WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Workspace workspace, Instant now) {
        jdbc.sql("""
                INSERT INTO workspaces (id, organization_id, name, timezone, currency, created_at)
                VALUES (:id, :org, :name, :timezone, :currency, :now)""")
                .param("id", workspace.id().value()).param("org", workspace.organizationId().value())
                .param("name", workspace.name()).param("timezone", workspace.timezone())
                .param("currency", workspace.currency()).param("now", Timestamp.from(now)).update();
    }

    /**
     * The user's standing in a workspace: empty unless the user is a member of the workspace's organization.
     * The organization is found from the workspace row, then the membership is matched on that tenant key.
     */
    Optional<Standing> standing(WorkspaceId workspaceId, UserId userId, boolean includeDeleted) {
        return jdbc.sql("SELECT " + COLUMNS + ", om.role, wm.role\n" + """
                 FROM workspaces w
                 JOIN organization_members om ON om.organization_id = w.organization_id AND om.user_id = :user
                 LEFT JOIN workspace_members wm
                        ON wm.organization_id = w.organization_id AND wm.workspace_id = w.id AND wm.user_id = :user
                 WHERE w.id = :ws AND (:includeDeleted OR w.deleted_at IS NULL)""")
                .param("ws", workspaceId.value()).param("user", userId.value())
                .param("includeDeleted", includeDeleted)
                .query((rs, n) -> new Standing(workspace(rs), OrganizationRole.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : WorkspaceRole.valueOf(rs.getString(8))))
                .optional();
    }

    /** Live workspaces of the organization that the user sees: all for owners/admins, else those they belong to. */
    List<Workspace> visible(OrganizationId organizationId, UserId userId) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 FROM workspaces w
                 JOIN organization_members om ON om.organization_id = w.organization_id AND om.user_id = :user
                 WHERE w.organization_id = :org AND w.deleted_at IS NULL
                   AND (om.role IN ('OWNER', 'ADMIN') OR EXISTS (
                        SELECT 1 FROM workspace_members wm
                        WHERE wm.organization_id = w.organization_id AND wm.workspace_id = w.id
                          AND wm.user_id = :user))
                 ORDER BY lower(w.name), w.id""")
                .param("org", organizationId.value()).param("user", userId.value())
                .query((rs, n) -> workspace(rs)).list();
    }

    List<Workspace> deleted(OrganizationId organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 FROM workspaces w
                 WHERE w.organization_id = :org AND w.deleted_at IS NOT NULL
                 ORDER BY w.deleted_at DESC""")
                .param("org", organizationId.value()).query((rs, n) -> workspace(rs)).list();
    }

    void markDeleted(OrganizationId organizationId, WorkspaceId workspaceId, UserId by, Instant now) {
        jdbc.sql("""
                UPDATE workspaces SET deleted_at = :now, deleted_by = :by
                WHERE organization_id = :org AND id = :ws AND deleted_at IS NULL""")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).param("by", by.value())
                .param("now", Timestamp.from(now)).update();
    }

    void changeCurrency(OrganizationId organizationId, WorkspaceId workspaceId, String currency) {
        jdbc.sql("UPDATE workspaces SET currency = :currency WHERE organization_id = :org AND id = :ws")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).param("currency", currency)
                .update();
    }

    void restore(OrganizationId organizationId, WorkspaceId workspaceId) {
        jdbc.sql("""
                UPDATE workspaces SET deleted_at = NULL, deleted_by = NULL
                WHERE organization_id = :org AND id = :ws""")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).update();
    }

    /** Deleted before the cutoff; locked and skipped by other nodes purging at the same time. */
    List<Workspace> lockExpired(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 FROM workspaces w
                 WHERE w.deleted_at IS NOT NULL AND w.deleted_at < :cutoff
                 ORDER BY w.deleted_at
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query((rs, n) -> workspace(rs)).list();
    }

    void purge(OrganizationId organizationId, WorkspaceId workspaceId) {
        jdbc.sql("DELETE FROM workspaces WHERE organization_id = :org AND id = :ws AND deleted_at IS NOT NULL")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).update();
    }

    List<Member> members(OrganizationId organizationId, WorkspaceId workspaceId) {
        return jdbc.sql("""
                SELECT user_id, role FROM workspace_members
                WHERE organization_id = :org AND workspace_id = :ws
                ORDER BY added_at, user_id""")
                .param("org", organizationId.value()).param("ws", workspaceId.value())
                .query((rs, n) -> new Member(new UserId(rs.getObject(1, UUID.class)),
                        WorkspaceRole.valueOf(rs.getString(2))))
                .list();
    }

    Optional<WorkspaceRole> memberRole(OrganizationId organizationId, WorkspaceId workspaceId, UserId userId) {
        return jdbc.sql("""
                SELECT role FROM workspace_members
                WHERE organization_id = :org AND workspace_id = :ws AND user_id = :user""")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).param("user", userId.value())
                .query((rs, n) -> WorkspaceRole.valueOf(rs.getString(1))).optional();
    }

    void upsertMember(OrganizationId organizationId, WorkspaceId workspaceId, UserId userId, WorkspaceRole role,
            Instant now) {
        jdbc.sql("""
                INSERT INTO workspace_members (workspace_id, organization_id, user_id, role, added_at)
                VALUES (:ws, :org, :user, :role, :now)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).param("user", userId.value())
                .param("role", role.name()).param("now", Timestamp.from(now)).update();
    }

    void removeMember(OrganizationId organizationId, WorkspaceId workspaceId, UserId userId) {
        jdbc.sql("""
                DELETE FROM workspace_members
                WHERE organization_id = :org AND workspace_id = :ws AND user_id = :user""")
                .param("org", organizationId.value()).param("ws", workspaceId.value()).param("user", userId.value())
                .update();
    }

    private static Workspace workspace(ResultSet rs) throws SQLException {
        Timestamp deleted = rs.getTimestamp(6);
        return new Workspace(new WorkspaceId(rs.getObject(1, UUID.class)),
                new OrganizationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4), rs.getString(5),
                deleted == null ? null : deleted.toInstant());
    }
}
