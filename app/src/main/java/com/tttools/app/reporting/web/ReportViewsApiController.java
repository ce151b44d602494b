package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.internal.ReportViewStore;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workspaces/{wsId}/report-views}: saved report views, private to their owner or shared with the
 * workspace. The stored query is validated like a report request, so a view always opens. A view may keep a
 * {@code preset} (e.g. {@code last7}) instead of fixed dates, so it moves with the calendar.
 */
@RestController
class ReportViewsApiController {

    record ViewRequest(String name, String visibility, Map<String, Object> query) {
    }

    record Items(List<ReportViewStore.View> items) {
    }

    private final ReportViewStore views;
    private final Clock clock;

    ReportViewsApiController(ReportViewStore views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @PostMapping("/api/v1/workspaces/{wsId}/report-views")
    ResponseEntity<ReportViewStore.View> create(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted, @RequestBody ViewRequest body) {
        WorkspaceId workspace = granted.workspaceId();
        String name = body == null || body.name() == null ? "" : body.name().strip();
        String visibility = body == null || body.visibility() == null ? "PRIVATE" : body.visibility();
        Map<String, Object> query = body == null || body.query() == null ? Map.of() : body.query();
        validate(name, visibility, query, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return ResponseEntity.status(HttpStatus.CREATED).body(views.create(workspace, caller.id(), name,
                ReportViewStore.Visibility.valueOf(visibility), query));
    }

    @GetMapping("/api/v1/workspaces/{wsId}/report-views")
    Items list(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted) {
        WorkspaceId workspace = granted.workspaceId();
        return new Items(views.visibleTo(workspace, caller.id()));
    }

    /** The owner deletes their views; a workspace ADMIN also deletes shared ones. Others' private views are not found. */
    @DeleteMapping("/api/v1/workspaces/{wsId}/report-views/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @PathVariable String id) {
        WorkspaceId workspace = granted.workspaceId();
        UUID viewId;
        try {
            viewId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Report view");
        }
        if (!views.delete(workspace, viewId, caller.id(), granted.role() == WorkspaceRole.ADMIN)) {
            throw new NotFoundException("Report view");
        }
        return ResponseEntity.noContent().build();
    }

    /** Name, visibility and the query as a report request would be checked; problems name {@code query.<param>}. */
    static void validate(String name, String visibility, Map<String, Object> query, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters long"));
        }
        if (Arrays.stream(ReportViewStore.Visibility.values()).noneMatch(v -> v.name().equals(visibility))) {
            problems.add(new FieldProblem("visibility", "must be PRIVATE or WORKSPACE"));
        }
        String preset = text(query, "preset");
        String from = text(query, "from");
        String to = text(query, "to");
        if (preset != null && !preset.equals("custom")) {
            LocalDate[] range = ReportPresets.range(preset, today);
            if (range == null) {
                problems.add(new FieldProblem("query.preset", "must be one of " + String.join(", ", ReportPresets.LABELS.keySet())));
            } else {
                from = range[0].toString();
                to = range[1].toString();
            }
        }
        try {
            ReportsApiController.parse(params(query, from, to), 50, null);
        } catch (ValidationFailedException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem("query." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    static ReportsApiController.Params params(Map<String, Object> query, String from, String to) {
        return new ReportsApiController.Params(text(query, "level"), from, to, text(query, "metrics"),
                query.get("groupBy") == null ? "date" : text(query, "groupBy"), list(query, "advertiserId"),
                list(query, "campaignId"), list(query, "adgroupId"), text(query, "status"), text(query, "q"),
                text(query, "sort"));
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

}
