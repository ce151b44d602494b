package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.internal.ReportViewStore;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
        SavedViewRequests.validate(name, visibility, query, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
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
        SavedViewRequests.delete(views, granted, caller.id(), id);
        return ResponseEntity.noContent().build();
    }
}
