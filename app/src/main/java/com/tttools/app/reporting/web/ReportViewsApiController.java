package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/workspaces/{wsId}/report-views}: saved report views, private to their owner or shared with the
 * workspace. The stored query is validated like a report request, so a view always opens.
 */
@RestController
class ReportViewsApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record ViewRequest(String name, String visibility, Map<String, Object> query) {
    }

    record ViewJson(String id, String name, String visibility, Map<String, Object> query, String ownerId,
            Instant createdAt) {
    }

    record Items(List<ViewJson> items) {
    }

    private final TenantAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportViewsApiController(TenantAccess access, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/v1/workspaces/{wsId}/report-views")
    @Transactional
    ResponseEntity<ViewJson> create(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestBody ViewRequest body) {
        WorkspaceId workspace = workspace(wsId);
        access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_REPORTS);
        List<FieldProblem> problems = new ArrayList<>();
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters long"));
        }
        String visibility = body == null || body.visibility() == null ? "PRIVATE" : body.visibility();
        if (!List.of("PRIVATE", "WORKSPACE").contains(visibility)) {
            problems.add(new FieldProblem("visibility", "must be PRIVATE or WORKSPACE"));
        }
        Map<String, Object> query = body == null || body.query() == null ? Map.of() : body.query();
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        try {
            ReportsApiController.parse(new ReportsApiController.Params(text(query, "level"), text(query, "from"),
                    text(query, "to"), text(query, "metrics"), query.get("groupBy") == null ? "date" : text(query, "groupBy"),
                    list(query, "advertiserId"), list(query, "campaignId"), list(query, "adgroupId"), text(query, "status"),
                    text(query, "q"), text(query, "sort")), 50, null);
        } catch (ValidationFailedException e) {
            throw new ValidationFailedException(e.problems().stream()
                    .map(p -> new FieldProblem("query." + p.field(), p.message())).toList());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO report_views (id, workspace_id, owner_id, name, visibility, query, created_at)
                        VALUES (:id, :ws, :owner, :name, :visibility, CAST(:query AS jsonb), :now)""")
                .param("id", id).param("ws", workspace.value()).param("owner", caller.id().value()).param("name", name)
                .param("visibility", visibility).param("query", JSON.writeValueAsString(query))
                .param("now", Timestamp.from(now)).update();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ViewJson(id.toString(), name, visibility, query, caller.id().toString(), now));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/report-views")
    Items list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId) {
        WorkspaceId workspace = workspace(wsId);
        access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_REPORTS);
        return new Items(jdbc.sql("""
                        SELECT id, name, visibility, query::text AS query, owner_id, created_at FROM report_views
                        WHERE workspace_id = :ws AND (visibility = 'WORKSPACE' OR owner_id = :caller)
                        ORDER BY name""")
                .param("ws", workspace.value()).param("caller", caller.id().value())
                .query((rs, i) -> new ViewJson(rs.getObject("id", UUID.class).toString(), rs.getString("name"),
                        rs.getString("visibility"), readQuery(rs.getString("query")),
                        rs.getObject("owner_id", UUID.class).toString(), rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    /** The owner deletes their views; a workspace ADMIN also deletes shared ones. Others' private views are not found. */
    @DeleteMapping("/api/v1/workspaces/{wsId}/report-views/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String id) {
        WorkspaceId workspace = workspace(wsId);
        WorkspaceAccess granted = access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_REPORTS);
        UUID viewId;
        try {
            viewId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Report view");
        }
        boolean admin = granted.role() == WorkspaceRole.ADMIN;
        int deleted = jdbc.sql("""
                        DELETE FROM report_views
                        WHERE workspace_id = :ws AND id = :id
                          AND (owner_id = :caller OR (visibility = 'WORKSPACE' AND :admin))""")
                .param("ws", workspace.value()).param("id", viewId).param("caller", caller.id().value())
                .param("admin", admin).update();
        if (deleted == 0) {
            throw new NotFoundException("Report view");
        }
        return ResponseEntity.noContent().build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readQuery(String json) {
        return JSON.readValue(json, Map.class);
    }

    private static String text(Map<String, Object> query, String key) {
        Object value = query.get(key);
        return value == null ? null : value.toString();
    }

    /** A filter of ids saved as a JSON array or as one comma-separated string. */
    private static List<String> list(Map<String, Object> query, String key) {
        Object value = query.get(key);
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? null : List.of(value.toString());
    }

    private static WorkspaceId workspace(String value) {
        try {
            return WorkspaceId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace");
        }
    }
}
