package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.platform.web.CurrentRequest;
import com.tttools.app.reporting.ReportEvents.ReportExported;
import com.tttools.app.reporting.internal.ReportExportRecorder;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import com.tttools.app.tenancy.WorkspacePermission;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/workspaces/{wsId}/reports}: daily performance, grouped by date and/or entity. */
@RestController
class ReportsApiController {

    static final List<Metric> DEFAULT_METRICS = List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS,
            Metric.CONVERSIONS, Metric.CTR, Metric.CPC, Metric.CPM, Metric.COST_PER_CONVERSION);
    static final int MAX_DAYS = 3 * 366;

    record EntityRef(String id, String tiktokId, String name) {
    }

    record RowJson(LocalDate date, String status, EntityRef entity, String advertiserId, String currency,
            Map<String, Object> metrics) {
    }

    record ReportJson(List<RowJson> rows, List<ReportResult.Total> totals, List<ReportResult.Total> previousTotals,
            List<ReportResult.DateStatus> dates, List<String> currencies, List<String> warnings, String nextCursor) {
    }

    private final TenantAccess access;
    private final Reports reports;
    private final ReportExportRecorder exports;
    private final java.time.Clock clock;

    ReportsApiController(TenantAccess access, Reports reports, ReportExportRecorder exports, java.time.Clock clock) {
        this.access = access;
        this.reports = reports;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/reports")
    ReportJson report(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String metrics,
            @RequestParam(defaultValue = "date") String groupBy,
            @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        WorkspaceId workspace = workspace(wsId);
        access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_REPORTS);
        ReportQuery query = parse(level, from, to, metrics, groupBy, advertiserId, limit, cursor);
        ReportResult result = reports.run(workspace, query);
        Map<LocalDate, String> status = new java.util.HashMap<>();
        result.dates().forEach(d -> status.put(d.date(), d.status()));
        List<RowJson> rows = result.rows().stream().map(r -> new RowJson(r.date(),
                r.date() == null ? null : status.get(r.date()),
                r.entityId() == null ? null : new EntityRef(r.entityId(), r.entityId(), null),
                r.advertiserId(), r.currency(), r.metrics())).toList();
        String next = result.hasMore() ? encode(query.offset() + query.limit()) : null;
        return new ReportJson(rows, result.totals(), result.previousTotals(), result.dates(), result.currencies(),
                result.warnings(), next);
    }

    /** The whole report as CSV (header row first, UTF-8, plain numbers), streamed; the export is audited. */
    @GetMapping("/api/v1/workspaces/{wsId}/reports.csv")
    ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String wsId, @RequestParam(required = false) String level,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String metrics, @RequestParam(defaultValue = "date") String groupBy,
            @RequestParam(required = false) List<String> advertiserId) {
        WorkspaceId workspace = workspace(wsId);
        WorkspaceAccess granted = access.requireWorkspace(caller.id(), workspace, WorkspacePermission.EXPORT_CSV);
        ReportQuery query = parse(level, from, to, metrics, groupBy, advertiserId, 500, null);
        RequestMetadata request = CurrentRequest.metadata();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            List<String> header = new ArrayList<>(List.of("date", "entityId", "advertiserId", "currency"));
            query.metrics().forEach(m -> header.add(m.apiName()));
            writer.write(String.join(",", header));
            writer.write("\r\n");
            long rows = reports.stream(workspace, query, row -> {
                try {
                    writer.write(Csv.line(row.date(), row.entityId(), row.advertiserId(), row.currency(), row.metrics()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
            exports.record(new ReportExported(Actor.user(caller.id(), caller.email()), granted.organizationId(),
                    workspace, query.level().name(), query.from().toString(), query.to().toString(),
                    String.join(",", header.subList(4, header.size())), rows, request, clock.instant()));
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + query.level().name().toLowerCase(Locale.ROOT) + "-" + query.from() + "-"
                                + query.to() + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    static ReportQuery parse(String level, String from, String to, String metrics, String groupBy,
            List<String> advertiserIds, int limit, String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportLevel reportLevel = null;
        try {
            reportLevel = ReportLevel.valueOf(level == null ? "" : level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("level", "must be one of ADVERTISER, CAMPAIGN, ADGROUP, AD"));
        }
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new FieldProblem("from", "must not be after to"));
            } else if (end.toEpochDay() - start.toEpochDay() + 1 > MAX_DAYS) {
                problems.add(new FieldProblem("to", "the range may span at most 3 years"));
            }
        }
        List<String> groups = Arrays.stream(groupBy.split(",")).map(String::strip).toList();
        boolean byDate = groups.contains("date");
        boolean byEntity = groups.contains("entity");
        if (groups.isEmpty() || !List.of("date", "entity").containsAll(groups)) {
            problems.add(new FieldProblem("groupBy", "must be date, entity or date,entity"));
        }
        List<Metric> chosen = new ArrayList<>();
        if (metrics == null || metrics.isBlank()) {
            chosen.addAll(DEFAULT_METRICS);
        } else {
            for (String name : metrics.split(",")) {
                Metric.of(name.strip()).ifPresentOrElse(chosen::add,
                        () -> problems.add(new FieldProblem("metrics", "unknown metric " + name.strip())));
            }
        }
        if (chosen.contains(Metric.REACH) && !(byDate && byEntity)) {
            problems.add(new FieldProblem("metrics", "reach counts unique people and cannot be summed: "
                    + "use groupBy=date,entity"));
        }
        if (limit < 1 || limit > 500) {
            problems.add(new FieldProblem("limit", "must be between 1 and 500"));
        }
        int offset = cursor == null || cursor.isBlank() ? 0 : decode(cursor, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new ReportQuery(reportLevel, start, end, chosen, byDate, byEntity, advertiserIds, limit, offset);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor, List<FieldProblem> problems) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("o:")) {
                int offset = Integer.parseInt(raw.substring(2));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem("cursor", "is not a cursor this API returned"));
        return 0;
    }

    private static WorkspaceId workspace(String value) {
        try {
            return WorkspaceId.of(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace");
        }
    }
}
