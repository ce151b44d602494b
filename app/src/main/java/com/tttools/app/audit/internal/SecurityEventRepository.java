package com.tttools.app.audit.internal;

import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** security_events: one row per login, failure, lockout, CSRF rejection, rate-limit hit, ... */
@Repository
class SecurityEventRepository {

    private final JdbcClient jdbc;
    private final DetailsJson json;

    SecurityEventRepository(JdbcClient jdbc, DetailsJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(SecurityEvent event, Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO security_events (id, type, user_id, email, ip, user_agent, request_id, details,
                                                     occurred_at, recorded_at)
                        VALUES (:id, :type, :userId, :email, :ip, :userAgent, :requestId, CAST(:details AS jsonb),
                                :occurredAt, :recordedAt)
                        """)
                .param("id", event.id())
                .param("type", event.type())
                .param("userId", event.userId() == null ? null : event.userId().value())
                .param("email", event.email())
                .param("ip", event.request().ip())
                .param("userAgent", event.request().userAgent())
                .param("requestId", event.request().requestId())
                .param("details", json.write(event.details()))
                .param("occurredAt", SqlTime.of(event.at()))
                .param("recordedAt", SqlTime.of(recordedAt))
                .update();
    }

    /** Up to {@code limit} events of these users, newest first, after the cursor when there is one. */
    List<SecurityEvent> page(Collection<UUID> userIds, PageCursor after, int limit) {
        String afterCursor = after == null ? "" : "\n  AND (occurred_at, id) < (:cursorAt, :cursorId)";
        var statement = jdbc.sql("""
                        SELECT id, type, user_id, email, ip, user_agent, request_id, details::text AS details, occurred_at
                        FROM security_events
                        WHERE user_id IN (:userIds)""" + afterCursor + """

                        ORDER BY occurred_at DESC, id DESC
                        LIMIT :limit
                        """)
                .param("userIds", List.copyOf(userIds))
                .param("limit", limit);
        if (after != null) {
            statement = statement.param("cursorAt", SqlTime.of(after.at())).param("cursorId", after.id());
        }
        return statement.query(this::row).list();
    }

    private SecurityEvent row(ResultSet rs, int rowNum) throws SQLException {
        UUID userId = rs.getObject("user_id", UUID.class);
        return new SecurityEvent(
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                userId == null ? null : new UserId(userId),
                rs.getString("email"),
                new RequestMetadata(rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id")),
                json.read(rs.getString("details")),
                SqlTime.read(rs, "occurred_at"));
    }

    /**
     * Up to {@code limit} events of these users, each from its own instant on, of these types, newest first,
     * after the cursor when there is one.
     */
    List<SecurityEvent> pageSince(Map<UserId, Instant> since, List<String> types, PageCursor after, int limit) {
        List<Map.Entry<UserId, Instant>> members = List.copyOf(since.entrySet());
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < members.size(); i++) {
            values.add("(CAST(:user" + i + " AS uuid), CAST(:since" + i + " AS timestamptz))");
        }
        String afterCursor = after == null ? "" : "\n  AND (e.occurred_at, e.id) < (:cursorAt, :cursorId)";
        var statement = jdbc.sql("""
                        SELECT e.id, e.type, e.user_id, e.email, e.ip, e.user_agent, e.request_id,
                               e.details::text AS details, e.occurred_at
                        FROM security_events e
                        JOIN (VALUES %s) AS m (user_id, since) ON m.user_id = e.user_id AND e.occurred_at >= m.since
                        WHERE e.type IN (:types)""".formatted(values) + afterCursor + """

                        ORDER BY e.occurred_at DESC, e.id DESC
                        LIMIT :limit
                        """)
                .param("types", types)
                .param("limit", limit);
        for (int i = 0; i < members.size(); i++) {
            statement = statement.param("user" + i, members.get(i).getKey().value())
                    .param("since" + i, SqlTime.of(members.get(i).getValue()));
        }
        if (after != null) {
            statement = statement.param("cursorAt", SqlTime.of(after.at())).param("cursorId", after.id());
        }
        return statement.query(this::row).list();
    }

    /** Deletes up to {@code limit} events older than the cutoff; needs {@link PurgePermission#grant()}. */
    int deleteOlderThan(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM security_events
                        WHERE id IN (SELECT id FROM security_events WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :limit)
                        """)
                .param("cutoff", SqlTime.of(cutoff))
                .param("limit", limit)
                .update();
    }
}
