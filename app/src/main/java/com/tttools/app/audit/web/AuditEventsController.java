package com.tttools.app.audit.web;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.audit.VisibleScope;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log over JSON and CSV. Who may call it is decided before the controller, and arrives as the
 * {@link VisibleScope} argument (see {@link VisibleScopeArgumentResolver}); the queries are scoped by it.
 */
@RestController
@RequestMapping("/api/v1/organizations/{orgId}")
class AuditEventsController {

    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final AuditLog auditLog;

    AuditEventsController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * Filters as in api.md; {@code from}/{@code to} take an instant or a date (a {@code to} date is inclusive).
     * An empty filter parameter ({@code workspaceId=}) means "no filter", as an HTML form sends it.
     */
    @GetMapping("/audit-events")
    CursorPage<AuditEventView> list(@PathVariable String orgId, @Parameter(hidden = true) VisibleScope scope,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String workspaceId, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(defaultValue = "" + AuditQuery.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        AuditQuery query = query(scope, from, to, actorId, action, workspaceId, targetType, targetId)
                .withLimit(limit).after(cursor);
        CursorPage<AuditEvent> page = auditLog.search(query);
        return new CursorPage<>(page.items().stream().map(AuditEventView::of).toList(), page.nextCursor());
    }

    /** The whole filtered log as CSV, streamed; the export itself is audited. */
    @GetMapping("/audit-events.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String orgId, @Parameter(hidden = true) VisibleScope scope,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String workspaceId, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId, HttpServletRequest request,
            HttpServletResponse response) {
        AuditQuery query = query(scope, from, to, actorId, action, workspaceId, targetType, targetId);
        RequestMetadata metadata = new RequestMetadata(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
                response.getHeader(REQUEST_ID_HEADER));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            auditLog.streamCsv(query, scope.viewer(), metadata, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
                .body(body);
    }

    /** Walks the organization's chain; only for viewers who see the whole organization. */
    @GetMapping("/audit-events/verification")
    ChainVerification verify(@PathVariable String orgId, @Parameter(hidden = true) VisibleScope scope) {
        if (!scope.seesWholeOrganization()) {
            throw new NotFoundException("Organization");
        }
        return auditLog.verify(scope.organizationId());
    }

    private static AuditQuery query(VisibleScope scope, String from, String to, String actorId, String action,
            String workspaceId, String targetType, String targetId) {
        AuditQuery query = AuditQuery.of(scope.organizationId())
                .visibleTo(scope.workspaces())
                .between(instant("from", from, false), instant("to", to, true))
                .byActor(blankToNull(actorId) == null || AuditQuery.AUTOMATIC.equals(actorId.trim()) ? null
                        : new UserId(uuid("actorId", actorId)))
                .withAction(blankToNull(action))
                .inWorkspace(blankToNull(workspaceId) == null ? null : new WorkspaceId(uuid("workspaceId", workspaceId)))
                .onTarget(blankToNull(targetType), blankToNull(targetId));
        return actorId != null && AuditQuery.AUTOMATIC.equals(actorId.trim()) ? query.byAutomaticActors() : query;
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant;
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                if (!StorableValues.isStorable(date)) {
                    throw new DateTimeException("out of range");
                }
                instant = (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(value);
                if (!StorableValues.isStorable(instant)) {
                    throw new DateTimeException("out of range");
                }
            }
            return instant;
        } catch (DateTimeException e) {
            throw new InvalidAuditInputException(field, "must be a date (YYYY-MM-DD) or an instant in UTC");
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditInputException(field, "is not an id");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
