package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.reporting.ReportEvents.ReportExported;
import com.tttools.app.reporting.internal.ReportExportRecorder;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import com.tttools.app.tenancy.WorkspacePermission;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** {@code id} is our inventory id (null until the asset sync has seen the entity). */
    record EntityRef(String id, String tiktokId, String name, String status, String campaignId, String adgroupId) {
    }

    /**
     * {@code status} is the date's finality; {@code previous} the entity's metrics in the previous period;
     * {@code converted} its money metrics in the reporting currency (null values where a rate is missing).
     */
    record RowJson(LocalDate date, Finality status, EntityRef entity, String advertiserId, String currency,
            Map<String, Object> metrics, Map<String, Object> previous, Map<String, Object> converted) {
    }

    /**
     * Totals are keyed by currency and never summed across currencies; {@code currency} is the report's currency
     * when it has exactly one, else null (see {@code currencies} and {@code warnings}).
     */
    record ReportJson(List<RowJson> rows, Map<String, Map<String, Object>> totals,
            Map<String, Map<String, Object>> previousTotals, String currency, List<String> currencies,
            List<String> timezones, List<ReportResult.AdvertiserInfo> advertisers, List<ReportResult.DateStatus> dates,
            LocalDate settledThrough, java.time.Instant dataAsOf, List<String> warnings, String sort, String nextCursor,
            String reportingCurrency, Map<String, Object> convertedTotals, Map<String, Object> previousConvertedTotals,
            List<RowJson> convertedByDate, ReportResult.Conversion conversion) {
    }

    private final Reports reports;
    private final ReportExportRecorder exports;
    private final java.time.Clock clock;

    ReportsApiController(Reports reports, ReportExportRecorder exports, java.time.Clock clock) {
        this.reports = reports;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/reports")
    ReportJson report(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @RequestParam(required = false) String level, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String metrics,
            @RequestParam(defaultValue = "date") String groupBy,
            @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) List<String> campaignId,
            @RequestParam(required = false) List<String> adgroupId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String objective,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        WorkspaceId workspace = granted.workspaceId();
        ReportQuery query = ReportRequests.parse(new ReportRequests.Params(level, from, to, metrics, groupBy, advertiserId, campaignId, adgroupId,
                status, q, sort, objective), limit, cursor).inCurrency(granted.currency());
        ReportResult result = reports.run(workspace, query);
        Map<LocalDate, Finality> finality = new java.util.HashMap<>();
        result.dates().forEach(d -> finality.put(d.date(), d.status()));
        List<RowJson> rows = result.rows().stream().map(r -> new RowJson(r.date(),
                r.date() == null ? null : finality.get(r.date()), entity(r.entity()),
                r.advertiserId(), r.currency(), r.metrics(), r.previous(), r.converted())).toList();
        List<RowJson> convertedByDate = result.convertedRows().stream().map(r -> new RowJson(r.date(),
                finality.get(r.date()), null, null, r.currency(), r.metrics(), null, null)).toList();
        String next = result.hasMore() ? ReportRequests.encode(query.offset() + query.limit()) : null;
        return new ReportJson(rows, byCurrency(result.totals()), byCurrency(result.previousTotals()),
                result.currencies().size() == 1 ? result.currencies().get(0) : null, result.currencies(),
                result.timezones(), result.advertisers(), result.dates(), ReportRequests.settledThrough(result), result.dataAsOf(),
                result.warnings(), query.sort().toParameter(), next, query.reportingCurrency(),
                result.convertedTotal() == null ? null : result.convertedTotal().metrics(),
                result.previousConvertedTotal() == null ? null : result.previousConvertedTotal().metrics(),
                convertedByDate, result.conversion());
    }

    record FinalityJson(List<com.tttools.app.reporting.FinalityDay> items) {
    }

    /** The finality ledger: per advertiser and day, pulls, status, and what the last re-pull changed. */
    @GetMapping("/api/v1/workspaces/{wsId}/reports/finality")
    FinalityJson finality(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> advertiserId, @RequestParam(defaultValue = "500") int limit) {
        WorkspaceId workspace = granted.workspaceId();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = ReportRequests.date("from", from, problems);
        LocalDate end = ReportRequests.date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("from", "must not be after to"));
        } else if (start != null && end != null && end.toEpochDay() - start.toEpochDay() + 1 > ReportRequests.MAX_DAYS) {
            problems.add(new FieldProblem("to", "the range may span at most 3 years"));
        }
        List<String> advertisers = ReportRequests.ids("advertiserId", advertiserId, problems);
        if (limit < 1 || limit > 5000) {
            problems.add(new FieldProblem("limit", "must be between 1 and 5000"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new FinalityJson(reports.finality(workspace, start, end, advertisers, limit));
    }

    private static EntityRef entity(ReportResult.Entity e) {
        return e == null ? null
                : new EntityRef(e.inventoryId(), e.tiktokId(), e.name(), e.status(), e.campaignId(), e.adgroupId());
    }

    private static Map<String, Map<String, Object>> byCurrency(List<ReportResult.Total> totals) {
        Map<String, Map<String, Object>> map = new java.util.LinkedHashMap<>();
        totals.forEach(t -> map.put(t.currency(), t.metrics()));
        return map;
    }

    /** The whole report as CSV (header row first, UTF-8, plain numbers), streamed; the export is audited. */
    @GetMapping("/api/v1/workspaces/{wsId}/reports.csv")
    ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.EXPORT_CSV) WorkspaceAccess granted, @RequestParam(required = false) String level,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String metrics, @RequestParam(defaultValue = "date") String groupBy,
            @RequestParam(required = false) List<String> advertiserId,
            @RequestParam(required = false) List<String> campaignId,
            @RequestParam(required = false) List<String> adgroupId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String objective, RequestMetadata request) {
        WorkspaceId workspace = granted.workspaceId();
        ReportQuery query = ReportRequests.parse(new ReportRequests.Params(level, from, to, metrics, groupBy, advertiserId, campaignId, adgroupId,
                status, q, sort, objective), 500, null).inCurrency(granted.currency());
        StreamingResponseBody body = out -> {
            // PostgreSQL writes the CSV (header row, then the lines with COPY): the bytes the contract in docs/reporting.md names
            long rows = reports.writeCsv(workspace, query, out);
            exports.record(new ReportExported(Actor.user(caller.id(), caller.email()), granted.organizationId(),
                    workspace, query.level().name(), query.from().toString(), query.to().toString(),
                    String.join(",", query.metrics().stream().map(Metric::apiName).toList()), rows, request, clock.instant()));
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + query.level().name().toLowerCase(Locale.ROOT) + "-" + query.from() + "-"
                                + query.to() + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

}
