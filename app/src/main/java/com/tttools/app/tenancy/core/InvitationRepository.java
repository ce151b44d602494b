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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code invitations}. Tokens are looked up by their SHA-256 only. */
@Repository
public class InvitationRepository {

    public record WorkspaceGrant(WorkspaceId workspaceId, WorkspaceRole role) {
    }

    public record Invitation(UUID id, OrganizationId organizationId, String email, OrganizationRole role,
            List<WorkspaceGrant> workspaces, UserId invitedBy, Instant createdAt, Instant expiresAt,
            Instant acceptedAt, Instant revokedAt) {

        public boolean pending(Instant now) {
            return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
        }
    }

    private static final String COLUMNS = """
            id, organization_id, email, role, workspace_grants::text, invited_by, created_at, expires_at, \
            accepted_at, revoked_at""";
    private static final TypeReference<List<Map<String, String>>> GRANTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invitation invitation, String normalizedEmail, byte[] tokenHash) {
        jdbc.sql("""
                INSERT INTO invitations (id, organization_id, email, email_normalized, role, workspace_grants,
                                         token_hash, invited_by, created_at, sent_at, expires_at)
                VALUES (:id, :org, :email, :normalized, :role, :grants::jsonb, :hash, :invitedBy, :now, :now,
                        :expiresAt)""")
                .param("id", invitation.id()).param("org", invitation.organizationId().value())
                .param("email", invitation.email()).param("normalized", normalizedEmail)
                .param("role", invitation.role().name()).param("grants", grantsJson(invitation.workspaces()))
                .param("hash", tokenHash).param("invitedBy", invitation.invitedBy().value())
                .param("now", Timestamp.from(invitation.createdAt()))
                .param("expiresAt", Timestamp.from(invitation.expiresAt())).update();
    }

    Optional<Invitation> find(OrganizationId organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE organization_id = :org AND id = :id")
                .param("org", organizationId.value()).param("id", id).query(this::invitation).optional();
    }

    /** Locks the row so two accepts of one token cannot both succeed. */
    Optional<Invitation> lockByTokenHash(byte[] tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = :hash FOR UPDATE")
                .param("hash", tokenHash).query(this::invitation).optional();
    }

    Optional<Invitation> findByTokenHash(byte[] tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = :hash")
                .param("hash", tokenHash).query(this::invitation).optional();
    }

    List<Invitation> pending(OrganizationId organizationId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 FROM invitations
                 WHERE organization_id = :org AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                 ORDER BY created_at DESC""")
                .param("org", organizationId.value()).param("now", Timestamp.from(now))
                .query(this::invitation).list();
    }

    boolean hasPending(OrganizationId organizationId, String normalizedEmail, Instant now) {
        return jdbc.sql("""
                SELECT count(*) FROM invitations
                WHERE organization_id = :org AND email_normalized = :email
                  AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .param("org", organizationId.value()).param("email", normalizedEmail)
                .param("now", Timestamp.from(now)).query(Integer.class).single() > 0;
    }

    void renewToken(OrganizationId organizationId, UUID id, byte[] tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                UPDATE invitations SET token_hash = :hash, sent_at = :now, expires_at = :expiresAt
                WHERE organization_id = :org AND id = :id""")
                .param("org", organizationId.value()).param("id", id).param("hash", tokenHash)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt)).update();
    }

    void revoke(OrganizationId organizationId, UUID id, Instant now) {
        jdbc.sql("""
                UPDATE invitations SET revoked_at = :now
                WHERE organization_id = :org AND id = :id AND revoked_at IS NULL AND accepted_at IS NULL""")
                .param("org", organizationId.value()).param("id", id).param("now", Timestamp.from(now)).update();
    }

    void markAccepted(OrganizationId organizationId, UUID id, UserId by, Instant now) {
        jdbc.sql("""
                UPDATE invitations SET accepted_at = :now, accepted_by = :by
                WHERE organization_id = :org AND id = :id""")
                .param("org", organizationId.value()).param("id", id).param("by", by.value())
                .param("now", Timestamp.from(now)).update();
    }

    private String grantsJson(List<WorkspaceGrant> grants) {
        return json.writeValueAsString(grants.stream()
                .map(g -> Map.of("workspaceId", g.workspaceId().toString(), "role", g.role().name())).toList());
    }

    private Invitation invitation(ResultSet rs, int row) throws SQLException {
        List<WorkspaceGrant> grants = json.readValue(rs.getString(5), GRANTS).stream()
                .map(g -> new WorkspaceGrant(WorkspaceId.of(g.get("workspaceId")), WorkspaceRole.valueOf(g.get("role"))))
                .toList();
        return new Invitation(rs.getObject(1, UUID.class), new OrganizationId(rs.getObject(2, UUID.class)),
                rs.getString(3), OrganizationRole.valueOf(rs.getString(4)), grants,
                new UserId(rs.getObject(6, UUID.class)), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
