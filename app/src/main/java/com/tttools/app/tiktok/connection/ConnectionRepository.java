package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.ConnectionStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code tiktok_connection}. Every lookup by id is also scoped by workspace. */
@Repository
class ConnectionRepository {

    private static final String COLUMNS = """
            id, workspace_id, organization_id, kind, status, scopes, granted_advertisers, seen_advertisers,
            new_advertisers, lost_advertisers, token_expires_at, connected_by, connected_at, last_checked_at,
            last_success_at, last_sync_at, last_error_code, last_error_message, last_error_request_id, last_error_at,
            suspended_at""";

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewConnection(UUID id, WorkspaceId workspaceId, OrganizationId organizationId, String kind,
            List<Long> scopes, List<String> advertisers, Instant tokenExpiresAt, UUID connectedBy, Instant at) {
    }

    void insert(NewConnection c) {
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, scopes,
                            granted_advertisers, seen_advertisers, token_expires_at, connected_by, connected_at,
                            last_success_at)
                        VALUES (:id, :workspaceId, :organizationId, :kind, 'ACTIVE', :scopes, :advertisers,
                            :advertisers, :tokenExpiresAt, :connectedBy, :at, :at)""")
                .param("id", c.id())
                .param("workspaceId", c.workspaceId().value())
                .param("organizationId", c.organizationId().value())
                .param("kind", c.kind())
                .param("scopes", c.scopes().toArray(new Long[0]))
                .param("advertisers", c.advertisers().toArray(new String[0]))
                .param("tokenExpiresAt", timestamp(c.tokenExpiresAt()))
                .param("connectedBy", c.connectedBy())
                .param("at", timestamp(c.at()))
                .update();
    }

    /**
     * The workspace's advertiser connection of this TikTok user that a new grant renews, whatever its status: an
     * active one first (a second consent replaces its grant, e.g. with other ad accounts, rather than adding a row
     * that would sync the same advertisers twice), then one waiting for it (NEEDS_REAUTH, ERROR), then a
     * disconnected one, the newest first.
     */
    Optional<UUID> findReconnectable(WorkspaceId workspaceId, String tiktokUserId) {
        return jdbc.sql("""
                        SELECT id FROM tiktok_connection
                        WHERE workspace_id = :ws AND tiktok_user_id = :user AND kind = 'ADVERTISER'
                        ORDER BY (status <> 'ACTIVE'), (status = 'DISCONNECTED'), connected_at DESC LIMIT 1""")
                .param("ws", workspaceId.value()).param("user", tiktokUserId).query(UUID.class).optional();
    }

    void rememberTikTokUser(WorkspaceId workspaceId, UUID id, String tiktokUserId) {
        jdbc.sql("UPDATE tiktok_connection SET tiktok_user_id = :user WHERE workspace_id = :ws AND id = :id")
                .param("ws", workspaceId.value()).param("id", id).param("user", tiktokUserId).update();
    }

    /** A new grant of the same TikTok user renews the row: live again, its grant, who connected it, errors cleared. */
    void renew(WorkspaceId workspaceId, UUID id, List<Long> scopes, List<String> advertisers, UUID connectedBy,
            Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_connection SET status = 'ACTIVE', scopes = :scopes, granted_advertisers = :advertisers,
                            seen_advertisers = :advertisers, new_advertisers = '{}', lost_advertisers = '{}',
                            connected_by = :by, connected_at = :at, last_success_at = :at, last_checked_at = NULL,
                            last_error_code = NULL, last_error_message = NULL, last_error_request_id = NULL,
                            last_error_at = NULL, disconnected_by = NULL, disconnected_at = NULL
                        WHERE workspace_id = :ws AND id = :id""")
                .param("ws", workspaceId.value()).param("id", id).param("scopes", scopes.toArray(new Long[0]))
                .param("advertisers", advertisers.toArray(new String[0])).param("by", connectedBy)
                .param("at", timestamp(at)).update();
    }

    /** Deletes a DISCONNECTED row (its tokens are already gone); false when it is not disconnected or unknown. */
    boolean deleteDisconnected(WorkspaceId workspaceId, UUID id) {
        return jdbc.sql("DELETE FROM tiktok_connection WHERE workspace_id = :ws AND id = :id AND status = 'DISCONNECTED'")
                .param("ws", workspaceId.value()).param("id", id).update() == 1;
    }

    List<ConnectionRow> list(WorkspaceId workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM tiktok_connection WHERE workspace_id = :workspaceId
                        ORDER BY (status = 'DISCONNECTED'), connected_at DESC, id""")
                .param("workspaceId", workspaceId.value())
                .query(ConnectionRepository::row)
                .list();
    }

    Optional<ConnectionRow> find(WorkspaceId workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tiktok_connection WHERE workspace_id = :workspaceId AND id = :id")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .query(ConnectionRepository::row)
                .optional();
    }

    /** Locks the row for the rest of the transaction; empty when another transaction holds it (skip it). */
    Optional<ConnectionRow> lockIfFree(WorkspaceId workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM tiktok_connection WHERE workspace_id = :workspaceId AND id = :id FOR UPDATE SKIP LOCKED")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .query(ConnectionRepository::row)
                .optional();
    }

    /**
     * Locks every connection row of the workspace in id order (so two disconnects of one workspace never
     * deadlock and the second sees the first as disconnected), waiting for other transactions to finish with them.
     */
    List<ConnectionRow> lockAll(WorkspaceId workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM tiktok_connection WHERE workspace_id = :workspaceId ORDER BY id FOR UPDATE")
                .param("workspaceId", workspaceId.value())
                .query(ConnectionRepository::row)
                .list();
    }

    /** Locks the row, waiting for another transaction to finish with it (disconnect wins over a running check). */
    Optional<ConnectionRow> lock(WorkspaceId workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM tiktok_connection WHERE workspace_id = :workspaceId AND id = :id FOR UPDATE")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .query(ConnectionRepository::row)
                .optional();
    }

    /** ACTIVE connections of live workspaces (a suspended one belongs to a deleted workspace). */
    List<com.tttools.app.tiktok.TikTokConnections.ConnectionRef> active() {
        return jdbc.sql("""
                        SELECT workspace_id, id FROM tiktok_connection
                        WHERE status = 'ACTIVE' AND suspended_at IS NULL ORDER BY connected_at""")
                .query((rs, i) -> new com.tttools.app.tiktok.TikTokConnections.ConnectionRef(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)), new com.tttools.app.shared.ConnectionId(rs.getObject("id", UUID.class))))
                .list();
    }

    /**
     * Connections to health-check: not checked since {@code checkedBefore}, oldest first. Disconnected ones, those
     * waiting for the user's reconnect (NEEDS_REAUTH, no token left) and suspended ones are not checked.
     */
    List<com.tttools.app.tiktok.TikTokConnections.ConnectionRef> dueForCheck(Instant checkedBefore, int limit) {
        return jdbc.sql("""
                        SELECT workspace_id, id FROM tiktok_connection
                        WHERE status <> 'DISCONNECTED' AND status <> 'NEEDS_REAUTH' AND suspended_at IS NULL
                          AND (last_checked_at IS NULL OR last_checked_at < :before)
                        ORDER BY last_checked_at NULLS FIRST, id LIMIT :limit""")
                .param("before", timestamp(checkedBefore))
                .param("limit", limit)
                .query(ConnectionRepository::ref)
                .list();
    }

    /** Makes every live connection due for its health check now (the simulator forgot its grants). */
    int markAllDueForCheck() {
        return jdbc.sql("""
                        UPDATE tiktok_connection SET last_checked_at = NULL
                        WHERE status NOT IN ('DISCONNECTED', 'NEEDS_REAUTH') AND suspended_at IS NULL""").update();
    }

    /** TikTok-account connections of live workspaces whose access token runs out before {@code expiringBefore}. */
    List<com.tttools.app.tiktok.TikTokConnections.ConnectionRef> ttUserTokensExpiring(Instant expiringBefore, int limit) {
        return jdbc.sql("""
                        SELECT workspace_id, id FROM tiktok_connection
                        WHERE kind = 'TT_USER' AND status IN ('ACTIVE', 'ERROR') AND suspended_at IS NULL
                          AND token_expires_at < :before
                        ORDER BY token_expires_at, id LIMIT :limit""")
                .param("before", timestamp(expiringBefore))
                .param("limit", limit)
                .query(ConnectionRepository::ref)
                .list();
    }

    void recordSuccess(WorkspaceId workspaceId, UUID id, List<String> seen, List<String> added, List<String> lost, Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_connection SET status = 'ACTIVE', last_checked_at = :at, last_success_at = :at,
                            seen_advertisers = :seen, new_advertisers = :added, lost_advertisers = :lost
                        WHERE workspace_id = :workspaceId AND id = :id AND status <> 'DISCONNECTED'""")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .param("seen", seen == null ? null : seen.toArray(new String[0]))
                .param("added", added.toArray(new String[0]))
                .param("lost", lost.toArray(new String[0]))
                .param("at", timestamp(at))
                .update();
    }

    void recordFailure(WorkspaceId workspaceId, UUID id, ConnectionStatus status, Integer code, String message, String requestId,
            Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_connection SET status = :status, last_checked_at = :at, last_error_code = :code,
                            last_error_message = :message, last_error_request_id = :requestId, last_error_at = :at
                        WHERE workspace_id = :workspaceId AND id = :id AND status <> 'DISCONNECTED'""")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .param("status", status.name())
                .param("code", code)
                .param("message", message)
                .param("requestId", requestId)
                .param("at", timestamp(at))
                .update();
    }

    void tokenRefreshed(WorkspaceId workspaceId, UUID id, Instant expiresAt) {
        jdbc.sql("UPDATE tiktok_connection SET token_expires_at = :expiresAt WHERE workspace_id = :workspaceId AND id = :id")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .param("expiresAt", timestamp(expiresAt))
                .update();
    }

    void recordSync(WorkspaceId workspaceId, UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_connection SET last_sync_at = :at
                        WHERE workspace_id = :workspaceId AND id = :id AND status <> 'DISCONNECTED'""")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .param("at", timestamp(at))
                .update();
    }

    void markDisconnected(WorkspaceId workspaceId, UUID id, UUID by, Instant at) {
        jdbc.sql("""
                        UPDATE tiktok_connection SET status = 'DISCONNECTED', disconnected_by = :by,
                            disconnected_at = :at, token_expires_at = NULL
                        WHERE workspace_id = :workspaceId AND id = :id""")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .param("by", by)
                .param("at", timestamp(at))
                .update();
    }

    private static com.tttools.app.tiktok.TikTokConnections.ConnectionRef ref(ResultSet rs, int n) throws SQLException {
        return new com.tttools.app.tiktok.TikTokConnections.ConnectionRef(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new com.tttools.app.shared.ConnectionId(rs.getObject("id", UUID.class)));
    }

    private static ConnectionRow row(ResultSet rs, int n) throws SQLException {
        return new ConnectionRow(
                rs.getObject("id", UUID.class),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                rs.getString("kind"),
                ConnectionStatus.valueOf(rs.getString("status")),
                longs(rs.getArray("scopes")),
                strings(rs.getArray("granted_advertisers")),
                rs.getArray("seen_advertisers") == null ? null : strings(rs.getArray("seen_advertisers")),
                strings(rs.getArray("new_advertisers")),
                strings(rs.getArray("lost_advertisers")),
                instant(rs.getTimestamp("token_expires_at")),
                rs.getObject("connected_by", UUID.class),
                instant(rs.getTimestamp("connected_at")),
                instant(rs.getTimestamp("last_checked_at")),
                instant(rs.getTimestamp("last_success_at")),
                instant(rs.getTimestamp("last_sync_at")),
                (Integer) rs.getObject("last_error_code"),
                rs.getString("last_error_message"),
                rs.getString("last_error_request_id"),
                instant(rs.getTimestamp("last_error_at")),
                instant(rs.getTimestamp("suspended_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
