package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.platform.web.CurrentRequest;
import com.tttools.app.reporting.ReportEvents.ReportExported;
import com.tttools.app.reporting.internal.ReportExportRecorder;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
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
    private static final String CURSOR_LIST = "reports";

    /** {@code id} is our inventory id (null until the asset sync has seen the entity). */
    record EntityRef(String id, String tiktokId, String name, String status, String campaignId, String adgroupId) {
    }

    /** {@code status} is the date's finality; {@code previous} the entity's metrics in the previous period. */
    record RowJson(LocalDate date, Finality status, EntityRef entity, String advertiserId, String currency,
            Map<String, Object> metrics, Map<String, Object> previous) {
    }

    /**
     * Totals are keyed by currency and never summed across currencies; {@code currency} is the report's currency
     * when it has exactly one, else null (see {@code currencies} and {@code warnings}).
     */
    record ReportJson(List<RowJson> rows, Map<String, Map<String, Object>> totals,
            Map<String, Map<String, Object>> previousTotals, String currency, List<String> currencies,
            List<String> timezones, List<ReportResult.AdvertiserInfo> advertisers, List<ReportResult.DateStatus> dates,
            LocalDate settledThrough, java.time.Instant dataAsOf, List<String> warnings, String sort, String nextCursor) {
    }

    /** The filters and sort of a request, as they came. */
    record Params(String level, String from, String to, String metrics, String groupBy, List<String> advertiserId,
            List<String> campaignId, List<String> adgroupId, String status, String q, String sort) {
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
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        WorkspaceId workspace = granted.workspaceId();
        ReportQuery query = parse(new Params(level, from, to, metrics, groupBy, advertiserId, campaignId, adgroupId,
                status, q, sort), limit, cursor);
        ReportResult result = reports.run(workspace, query);
        Map<LocalDate, Finality> finality = new java.util.HashMap<>();
        result.dates().forEach(d -> finality.put(d.date(), d.status()));
        List<RowJson> rows = result.rows().stream().map(r -> new RowJson(r.date(),
                r.date() == null ? null : finality.get(r.date()), entity(r.entity()),
                r.advertiserId(), r.currency(), r.metrics(), r.previous())).toList();
        String next = result.hasMore() ? encode(query.offset() + query.limit()) : null;
        return new ReportJson(rows, byCurrency(result.totals()), byCurrency(result.previousTotals()),
                result.currencies().size() == 1 ? result.currencies().get(0) : null, result.currencies(),
                result.timezones(), result.advertisers(), result.dates(), settledThrough(result), result.dataAsOf(),
                result.warnings(), query.sort().toParameter(), next);
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
        LocalDate start = date("from", from, problems);
        LocalDate end = date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("from", "must not be after to"));
        } else if (start != null && end != null && end.toEpochDay() - start.toEpochDay() + 1 > MAX_DAYS) {
            problems.add(new FieldProblem("to", "the range may span at most 3 years"));
        }
        List<String> advertisers = ids("advertiserId", advertiserId, problems);
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

    /** The last date of the range TikTok will no longer revise, or null when every date is provisional. */
    static LocalDate settledThrough(ReportResult result) {
        return result.dates().stream().filter(d -> d.status() == Finality.SETTLED).map(ReportResult.DateStatus::date)
                .reduce((a, b) -> b).orElse(null);
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
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort) {
        WorkspaceId workspace = granted.workspaceId();
        ReportQuery query = parse(new Params(level, from, to, metrics, groupBy, advertiserId, campaignId, adgroupId,
                status, q, sort), 500, null);
        RequestMetadata request = CurrentRequest.metadata();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            List<String> header = new ArrayList<>(List.of("date", "entityId", "entityName", "advertiserId", "currency"));
            query.metrics().forEach(m -> header.add(m.apiName()));
            writer.write(String.join(",", header));
            writer.write("\r\n");
            // One builder and one char buffer for all rows: a million-row export makes no String per line.
            StringBuilder line = new StringBuilder(256);
            char[][] chars = {new char[256]};
            long rows = reports.stream(workspace, query, row -> {
                try {
                    line.setLength(0);
                    Csv.append(line, row.date(), row.entityId(), row.entity() == null ? null : row.entity().name(),
                            row.advertiserId(), row.currency(), row.metrics());
                    if (chars[0].length < line.length()) {
                        chars[0] = new char[line.length() * 2];
                    }
                    line.getChars(0, line.length(), chars[0], 0);
                    writer.write(chars[0], 0, line.length());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
            exports.record(new ReportExported(Actor.user(caller.id(), caller.email()), granted.organizationId(),
                    workspace, query.level().name(), query.from().toString(), query.to().toString(),
                    String.join(",", header.subList(5, header.size())), rows, request, clock.instant()));
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("report-" + query.level().name().toLowerCase(Locale.ROOT) + "-" + query.from() + "-"
                                + query.to() + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
    static final java.util.regex.Pattern TIKTOK_ID = java.util.regex.Pattern.compile("[0-9]{1,32}");

    static ReportQuery parse(Params p, int limit, String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
        ReportLevel reportLevel = null;
        try {
            reportLevel = ReportLevel.valueOf(p.level() == null ? "" : p.level().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("level", "must be one of ADVERTISER, CAMPAIGN, ADGROUP, AD"));
        }
        LocalDate start = date("from", p.from(), problems);
        LocalDate end = date("to", p.to(), problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new FieldProblem("from", "must not be after to"));
            } else if (end.toEpochDay() - start.toEpochDay() + 1 > MAX_DAYS) {
                problems.add(new FieldProblem("to", "the range may span at most 3 years"));
            }
        }
        String groupBy = p.groupBy() == null ? "date" : p.groupBy();
        List<String> groups = Arrays.stream(groupBy.split(",")).map(String::strip).toList();
        boolean byDate = groups.contains("date");
        boolean byEntity = groups.contains("entity");
        if (groups.isEmpty() || !List.of("date", "entity").containsAll(groups)) {
            problems.add(new FieldProblem("groupBy", "must be date, entity or date,entity"));
        }
        List<Metric> chosen = new ArrayList<>();
        if (p.metrics() == null || p.metrics().isBlank()) {
            chosen.addAll(DEFAULT_METRICS);
        } else {
            for (String name : p.metrics().split(",")) {
                Metric.of(name.strip()).ifPresentOrElse(m -> {
                    if (!chosen.contains(m)) {
                        chosen.add(m);
                    }
                }, () -> problems.add(new FieldProblem("metrics", "unknown metric " + name.strip())));
            }
        }
        if (chosen.stream().anyMatch(m -> !m.additive()) && !(byDate && byEntity)) {
            problems.add(new FieldProblem("metrics", "reach and frequency count unique people and cannot be summed: "
                    + "use groupBy=date,entity"));
        }
        List<String> advertisers = ids("advertiserId", p.advertiserId(), problems);
        List<String> campaigns = ids("campaignId", p.campaignId(), problems);
        List<String> adgroups = ids("adgroupId", p.adgroupId(), problems);
        if (!campaigns.isEmpty() && reportLevel == ReportLevel.ADVERTISER) {
            problems.add(new FieldProblem("campaignId", "does not fit level ADVERTISER (use CAMPAIGN, ADGROUP or AD)"));
        }
        if (!adgroups.isEmpty() && (reportLevel == ReportLevel.ADVERTISER || reportLevel == ReportLevel.CAMPAIGN)) {
            problems.add(new FieldProblem("adgroupId", "does not fit level " + reportLevel + " (use ADGROUP or AD)"));
        }
        String status = p.status() == null || p.status().isBlank() ? null : p.status().strip();
        if (status != null && !STATUS.matcher(status).matches()) {
            problems.add(new FieldProblem("status", "is not a TikTok status (e.g. CAMPAIGN_STATUS_DISABLE) nor REMOVED"));
        }
        if (p.q() != null && p.q().strip().length() > 100) {
            problems.add(new FieldProblem("q", "may be at most 100 characters"));
        }
        ReportQuery.Sort sort = sort(p.sort(), byDate, byEntity, chosen, problems);
        if (limit < 1 || limit > 500) {
            problems.add(new FieldProblem("limit", "must be between 1 and 500"));
        }
        int offset = cursor == null || cursor.isBlank() ? 0 : decode(cursor, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new ReportQuery(reportLevel, start, end, chosen, byDate, byEntity,
                new ReportQuery.Filters(advertisers, campaigns, adgroups, status, p.q()), sort, limit, offset);
    }

    /** {@code key} or {@code -key}: date (grouped by date), name (grouped by entity) or one of the chosen metrics. */
    private static ReportQuery.Sort sort(String value, boolean byDate, boolean byEntity, List<Metric> chosen,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        boolean descending = value.strip().startsWith("-");
        String key = value.strip().substring(descending ? 1 : 0);
        boolean fits = (key.equals("date") && byDate) || (key.equals("name") && byEntity)
                || chosen.stream().anyMatch(m -> m.apiName().equals(key));
        if (!fits) {
            problems.add(new FieldProblem("sort", "must be " + (byDate ? "date, " : "") + (byEntity ? "name, " : "")
                    + "or one of the requested metrics, with - for descending"));
            return null;
        }
        return new ReportQuery.Sort(key, descending);
    }

    private static List<String> ids(String field, List<String> values, List<FieldProblem> problems) {
        if (values == null) {
            return List.of();
        }
        List<String> ids = values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (ids.size() > 100) {
            problems.add(new FieldProblem(field, "may name at most 100 ids"));
        } else if (ids.stream().anyMatch(id -> !TIKTOK_ID.matcher(id).matches())) {
            problems.add(new FieldProblem(field, "must be TikTok ids (digits)"));
        }
        return ids;
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (!StorableValues.isStorable(date)) {
                problems.add(new FieldProblem(field, "must be a date from 0001-01-01 to 9999-12-31"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** The cursor of the page starting at {@code offset} (the page links of the reporting page use it too). */
    static String encode(int offset) {
        return Cursors.encode(CURSOR_LIST, Integer.toString(offset));
    }

    private static int decode(String cursor, List<FieldProblem> problems) {
        try {
            return Cursors.offset(Cursors.decode(cursor, CURSOR_LIST, 1).get(0));
        } catch (ValidationFailedException e) {
            problems.addAll(e.problems());
            return 0;
        }
    }
}
