package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.OrganizationRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code organizations} and {@code organization_members}; every statement is keyed by organization. */
@Repository
public class OrganizationRepository {

    public record Membership(OrganizationId organizationId, String organizationName, OrganizationRole role) {
    }

    public record Member(UserId userId, OrganizationRole role, Instant joinedAt) {
    }

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganizationId id, String name, UserId createdBy, Instant now) {
        jdbc.sql("""
                INSERT INTO organizations (id, name, created_by, created_at)
                VALUES (:id, :name, :createdBy, :now)""")
                .param("id", id.value()).param("name", name).param("createdBy", createdBy.value())
                .param("now", java.sql.Timestamp.from(now)).update();
    }

    Optional<String> name(OrganizationId id) {
        return jdbc.sql("SELECT name FROM organizations WHERE id = :id")
                .param("id", id.value()).query(String.class).optional();
    }

    /** Serializes membership changes of one organization (last-owner checks, invitations) until commit. */
    Optional<String> lockForChange(OrganizationId id) {
        return jdbc.sql("SELECT name FROM organizations WHERE id = :id FOR UPDATE")
                .param("id", id.value()).query(String.class).optional();
    }

    Optional<Membership> membership(OrganizationId organizationId, UserId userId) {
        return jdbc.sql("""
                SELECT o.id, o.name, m.role
                FROM organization_members m
                JOIN organizations o ON o.id = m.organization_id
                WHERE m.organization_id = :org AND m.user_id = :user""")
                .param("org", organizationId.value()).param("user", userId.value())
                .query((rs, n) -> new Membership(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2),
                        OrganizationRole.valueOf(rs.getString(3))))
                .optional();
    }

    List<Membership> membershipsOf(UserId userId) {
        return jdbc.sql("""
                SELECT o.id, o.name, m.role
                FROM organization_members m
                JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = :user
                ORDER BY lower(o.name), o.id""")
                .param("user", userId.value())
                .query((rs, n) -> new Membership(new OrganizationId(rs.getObject(1, UUID.class)), rs.getString(2),
                        OrganizationRole.valueOf(rs.getString(3))))
                .list();
    }

    List<Member> members(OrganizationId organizationId) {
        return jdbc.sql("""
                SELECT user_id, role, joined_at
                FROM organization_members
                WHERE organization_id = :org
                ORDER BY joined_at, user_id""")
                .param("org", organizationId.value())
                .query((rs, n) -> new Member(new UserId(rs.getObject(1, UUID.class)),
                        OrganizationRole.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
                .list();
    }

    void addMember(OrganizationId organizationId, UserId userId, OrganizationRole role, Instant now) {
        jdbc.sql("""
                INSERT INTO organization_members (organization_id, user_id, role, joined_at)
                VALUES (:org, :user, :role, :now)""")
                .param("org", organizationId.value()).param("user", userId.value()).param("role", role.name())
                .param("now", java.sql.Timestamp.from(now)).update();
    }

    void changeRole(OrganizationId organizationId, UserId userId, OrganizationRole role) {
        jdbc.sql("""
                UPDATE organization_members SET role = :role
                WHERE organization_id = :org AND user_id = :user""")
                .param("org", organizationId.value()).param("user", userId.value()).param("role", role.name())
                .update();
    }

    /** Also removes the user's workspace memberships in this organization (foreign key cascade). */
    void removeMember(OrganizationId organizationId, UserId userId) {
        jdbc.sql("DELETE FROM organization_members WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId.value()).param("user", userId.value()).update();
    }

    /** Counted under the organization lock taken by {@link #lockForChange}. */
    int countOwners(OrganizationId organizationId) {
        return jdbc.sql("""
                SELECT count(*) FROM organization_members
                WHERE organization_id = :org AND role = 'OWNER'""")
                .param("org", organizationId.value()).query(Integer.class).single();
    }

    /** Every workspace of the organization, soft-deleted ones included (they go with it). */
    List<WorkspaceId> workspaceIds(OrganizationId organizationId) {
        return jdbc.sql("SELECT id FROM workspaces WHERE organization_id = :org ORDER BY id")
                .param("org", organizationId.value())
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    void delete(OrganizationId organizationId) {
        jdbc.sql("DELETE FROM organizations WHERE id = :org").param("org", organizationId.value()).update();
    }
}
