package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_events rows: appending, the viewer's queries and the CSV stream. */
@Repository
class AuditEventRepository {

    private static final String VIEW_COLUMNS = """
            id, organization_id, workspace_id, occurred_at, actor_user_id, actor_email, actor_system, action,
            target_type, target_id, ip, user_agent, request_id, details::text AS details""";

    private final JdbcClient jdbc;
    /** Same database, but fetching rows in chunks so that a long export holds only one chunk in memory. */
    private final JdbcClient streaming;
    private final DetailsJson json;

    AuditEventRepository(JdbcClient jdbc, DataSource dataSource, AuditProperties properties, DetailsJson json) {
        this.jdbc = jdbc;
        JdbcTemplate chunked = new JdbcTemplate(dataSource);
        chunked.setFetchSize(properties.exportFetchSize());
        this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(chunked));
        this.json = json;
    }

    /** PostgreSQL's own text form of a JSON document: the form that is stored, read back and hashed. */
    String canonicalJson(String jsonText) {
        return jdbc.sql("SELECT CAST(:json AS jsonb)::text")
                .param("json", jsonText)
                .query(String.class)
                .single();
    }

    void insert(AuditRow row) {
        jdbc.sql("""
                        INSERT INTO audit_events (id, chain, seq, organization_id, workspace_id, occurred_at, recorded_at,
                                                  actor_user_id, actor_email, actor_system, action, target_type, target_id,
                                                  ip, user_agent, request_id, details, prev_hash, hash)
                        VALUES (:id, :chain, :seq, :organizationId, :workspaceId, :occurredAt, :recordedAt,
                                :actorUserId, :actorEmail, :actorSystem, :action, :targetType, :targetId,
                                :ip, :userAgent, :requestId, CAST(:details AS jsonb), :prevHash, :hash)
                        """)
                .param("id", row.id())
                .param("chain", row.chain())
                .param("seq", row.seq())
                .param("organizationId", row.organizationId())
                .param("workspaceId", row.workspaceId())
                .param("occurredAt", SqlTime.of(row.occurredAt()))
                .param("recordedAt", SqlTime.of(row.recordedAt()))
                .param("actorUserId", row.actorUserId())
                .param("actorEmail", row.actorEmail())
                .param("actorSystem", row.actorSystem())
                .param("action", row.action())
                .param("targetType", row.targetType())
                .param("targetId", row.targetId())
                .param("ip", row.ip())
                .param("userAgent", row.userAgent())
                .param("requestId", row.requestId())
                .param("details", row.detailsJson())
                .param("prevHash", row.prevHash())
                .param("hash", row.hash())
                .update();
    }

    /** Up to {@code limit} events matching the filter, newest first. */
    List<AuditEvent> search(AuditFilter filter, int limit) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + VIEW_COLUMNS + "\nFROM audit_events\nWHERE " + filter.where()
                        + "\nORDER BY occurred_at DESC, id DESC\nLIMIT :limit")
                .params(filter.params())
                .param("limit", limit)
                .query(this::event)
                .list();
    }

    /** The distinct people (user id and email) who acted in the events matching the filter, by email. */
    List<Actor> actors(AuditFilter filter, int limit) {
        if (filter.matchesNothing()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT actor_user_id, actor_email\nFROM audit_events\nWHERE " + filter.where()
                        + "\n  AND actor_user_id IS NOT NULL\nORDER BY actor_email\nLIMIT :limit")
                .params(filter.params())
                .param("limit", limit)
                .query((rs, n) -> new Actor(new UserId(rs.getObject("actor_user_id", UUID.class)),
                        rs.getString("actor_email"), null))
                .list();
    }

    /** Every event matching the filter, newest first, handed over one by one; call inside a transaction. */
    long stream(AuditFilter filter, Consumer<AuditEvent> sink) {
        if (filter.matchesNothing()) {
            return 0;
        }
        long[] count = {0};
        streaming.sql("SELECT " + VIEW_COLUMNS + "\nFROM audit_events\nWHERE " + filter.where()
                        + "\nORDER BY occurred_at DESC, id DESC")
                .params(filter.params())
                .query(rs -> {
                    sink.accept(event(rs, 0));
                    count[0]++;
                });
        return count[0];
    }

    AuditEvent event(ResultSet rs, int rowNum) throws SQLException {
        UUID actorUserId = rs.getObject("actor_user_id", UUID.class);
        UUID organizationId = rs.getObject("organization_id", UUID.class);
        UUID workspaceId = rs.getObject("workspace_id", UUID.class);
        Map<String, Object> details = json.read(rs.getString("details"));
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                SqlTime.read(rs, "occurred_at"),
                new Actor(actorUserId == null ? null : new UserId(actorUserId), rs.getString("actor_email"),
                        rs.getString("actor_system")),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                organizationId == null ? null : new OrganizationId(organizationId),
                workspaceId == null ? null : new WorkspaceId(workspaceId),
                new RequestMetadata(rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id")),
                details);
    }

    /** The full stored row, hash inputs included (for the verifier). */
    static final RowMapper<AuditRow> ROW = (rs, rowNum) -> new AuditRow(
            rs.getObject("id", UUID.class),
            rs.getString("chain"),
            rs.getLong("seq"),
            rs.getObject("organization_id", UUID.class),
            rs.getObject("workspace_id", UUID.class),
            SqlTime.read(rs, "occurred_at"),
            SqlTime.read(rs, "recorded_at"),
            rs.getObject("actor_user_id", UUID.class),
            rs.getString("actor_email"),
            rs.getString("actor_system"),
            rs.getString("action"),
            rs.getString("target_type"),
            rs.getString("target_id"),
            rs.getString("ip"),
            rs.getString("user_agent"),
            rs.getString("request_id"),
            rs.getString("details"),
            rs.getBytes("prev_hash"),
            rs.getBytes("hash"));

    static final String ROW_COLUMNS = """
            id, chain, seq, organization_id, workspace_id, occurred_at, recorded_at, actor_user_id, actor_email,
            actor_system, action, target_type, target_id, ip, user_agent, request_id, details::text AS details,
            prev_hash, hash""";

    /**
     * Walks a chain's rows in seq order, chunk by chunk, until the visitor answers false; call inside a
     * transaction (the fetch size only applies there).
     */
    void walk(String chain, Predicate<AuditRow> visitor) {
        streaming.sql("SELECT " + ROW_COLUMNS + "\nFROM audit_events\nWHERE chain = :chain\nORDER BY seq")
                .param("chain", chain)
                .query(rs -> {
                    int rowNum = 0;
                    while (rs.next()) {
                        if (!visitor.test(ROW.mapRow(rs, rowNum++))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /**
     * Deletes the oldest rows of a chain recorded before the cutoff, at most {@code limit}; call inside a
     * transaction that has {@link PurgePermission#grant() permission}. Returns the deleted seqs and hashes.
     */
    List<PurgedRow> deleteExpired(String chain, Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM audit_events
                        WHERE chain = :chain
                          AND seq IN (SELECT seq
                                      FROM audit_events
                                      WHERE chain = :chain AND recorded_at < :cutoff
                                      ORDER BY seq
                                      LIMIT :limit)
                        RETURNING seq, hash
                        """)
                .param("chain", chain)
                .param("cutoff", SqlTime.of(cutoff))
                .param("limit", limit)
                .query((rs, rowNum) -> new PurgedRow(rs.getLong("seq"), rs.getBytes("hash")))
                .list();
    }

    record PurgedRow(long seq, byte[] hash) {
    }
}
