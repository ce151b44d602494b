package com.tttools.app.reporting.internal;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Saved report views of a workspace: private to their owner or shared with the workspace. Queries are validated by the caller. */
@Component
public class ReportViewStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who sees a saved view: its owner only, or everyone in the workspace. */
    public enum Visibility { PRIVATE, WORKSPACE }

    /** A saved view; {@code query} holds the report parameters as the API takes them (and optionally a preset). */
    public record View(String id, String name, Visibility visibility, Map<String, Object> query, String ownerId,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportViewStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public View create(WorkspaceId workspace, UserId owner, String name, Visibility visibility,
            Map<String, Object> query) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO report_views (id, workspace_id, owner_id, name, visibility, query, created_at)
                        VALUES (:id, :ws, :owner, :name, :visibility, CAST(:query AS jsonb), :now)""")
                .param("id", id).param("ws", workspace.value()).param("owner", owner.value()).param("name", name)
                .param("visibility", visibility.name()).param("query", JSON.writeValueAsString(query))
                .param("now", Timestamp.from(now)).update();
        return new View(id.toString(), name, visibility, query, owner.toString(), now);
    }

    /** The caller's own views and the workspace's shared ones, by name. */
    public List<View> visibleTo(WorkspaceId workspace, UserId caller) {
        return jdbc.sql("""
                        SELECT id, name, visibility, query::text AS query, owner_id, created_at FROM report_views
                        WHERE workspace_id = :ws AND (visibility = :shared OR owner_id = :caller)
                        ORDER BY lower(name), id""")
                .param("ws", workspace.value()).param("caller", caller.value())
                .param("shared", Visibility.WORKSPACE.name())
                .query((rs, i) -> new View(rs.getObject("id", UUID.class).toString(), rs.getString("name"),
                        Visibility.valueOf(rs.getString("visibility")), readQuery(rs.getString("query")),
                        rs.getObject("owner_id", UUID.class).toString(), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The owner deletes their views; a workspace admin also deletes shared ones. False when nothing was deleted. */
    @Transactional
    public boolean delete(WorkspaceId workspace, UUID viewId, UserId caller, boolean admin) {
        return jdbc.sql("""
                        DELETE FROM report_views
                        WHERE workspace_id = :ws AND id = :id
                          AND (owner_id = :caller OR (visibility = :shared AND :admin))""")
                .param("ws", workspace.value()).param("id", viewId).param("caller", caller.value())
                .param("admin", admin).param("shared", Visibility.WORKSPACE.name()).update() > 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readQuery(String json) {
        return JSON.readValue(json, Map.class);
    }
}
