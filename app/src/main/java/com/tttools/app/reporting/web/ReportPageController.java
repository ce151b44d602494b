package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /workspaces/{wsId}/reports}: date range (with presets), level and metric, a daily chart, totals per
 * currency with the change against the previous period, the entities by spend, provisional days marked.
 */
@Controller
class ReportPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("yesterday", "Yesterday");
        PRESETS.put("last7", "Last 7 days");
        PRESETS.put("last14", "Last 14 days");
        PRESETS.put("last30", "Last 30 days");
        PRESETS.put("last90", "Last 90 days");
        PRESETS.put("thisMonth", "This month");
        PRESETS.put("lastMonth", "Last month");
    }

    private final TenantAccess access;
    private final Reports reports;
    private final Clock clock;

    ReportPageController(TenantAccess access, Reports reports, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/workspaces/{wsId}/reports")
    String page(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(defaultValue = "CAMPAIGN") String level, @RequestParam(defaultValue = "last30") String preset,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "spend") String metric, Model model) {
        WorkspaceId workspace;
        try {
            workspace = WorkspaceId.of(wsId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace");
        }
        WorkspaceAccess granted = access.requireWorkspace(caller.id(), workspace, WorkspacePermission.VIEW_REPORTS);
        LocalDate today = LocalDate.now(clock.withZone(zone(granted.timezone())));
        LocalDate[] range = from != null && to != null && !from.isBlank() && !to.isBlank()
                ? new LocalDate[] {null, null} : presetRange(preset, today);
        String fromValue = range[0] == null ? from : range[0].toString();
        String toValue = range[1] == null ? to : range[1].toString();
        model.addAttribute("workspace", granted);
        model.addAttribute("level", level);
        model.addAttribute("preset", range[0] == null ? "custom" : preset);
        model.addAttribute("presets", PRESETS);
        model.addAttribute("from", fromValue);
        model.addAttribute("to", toValue);
        model.addAttribute("metric", metric);
        model.addAttribute("metricChoices", List.of(Metric.values()).stream().filter(Metric::additive)
                .map(Metric::apiName).toList());
        try {
            String metrics = String.join(",", ReportsApiController.DEFAULT_METRICS.stream().map(Metric::apiName).toList())
                    + (ReportsApiController.DEFAULT_METRICS.stream().anyMatch(m -> m.apiName().equals(metric)) ? "" : "," + metric);
            ReportQuery byDate = ReportsApiController.parse(new ReportsApiController.Params(level, fromValue,
                    toValue, metrics, "date", null, null, null, null, null, null), 500, null);
            ReportResult daily = reports.run(workspace, byDate);
            ReportQuery byEntity = ReportsApiController.parse(new ReportsApiController.Params(level, fromValue,
                    toValue, metrics, "entity", null, null, null, null, null, null), 50, null);
            ReportResult entities = reports.run(workspace, byEntity);
            model.addAttribute("daily", daily);
            model.addAttribute("entities", entities.rows());
            model.addAttribute("metricNames", byDate.metrics().stream().map(Metric::apiName).toList());
            model.addAttribute("chartJson", chart(daily, metric));
            model.addAttribute("provisionalDays", daily.dates().stream().filter(d -> d.status().equals("PROVISIONAL")).count());
            model.addAttribute("settledThrough", daily.dates().stream().filter(d -> d.status().equals("SETTLED"))
                    .map(ReportResult.DateStatus::date).reduce((a, b) -> b).orElse(null));
        } catch (ValidationFailedException e) {
            model.addAttribute("error", e.problems().get(0).field() + " " + e.problems().get(0).message());
        }
        return "reporting/reports";
    }

    /** The chart's data: one line per currency (never mixed), values of the chosen metric per day. */
    private static String chart(ReportResult daily, String metric) {
        Map<String, Map<String, Object>> series = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        daily.dates().forEach(d -> labels.add(d.date().toString()));
        for (ReportResult.Row row : daily.rows()) {
            series.computeIfAbsent(row.currency(), c -> new LinkedHashMap<>()).put(row.date().toString(),
                    row.metrics().get(metric));
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        series.forEach((currency, values) -> {
            List<Object> data = new ArrayList<>();
            labels.forEach(day -> data.add(values.getOrDefault(day, 0)));
            datasets.add(Map.of("label", metric + " (" + currency + ")", "data", data));
        });
        List<Boolean> provisional = daily.dates().stream().map(d -> d.status().equals("PROVISIONAL")).toList();
        return JSON.writeValueAsString(Map.of("labels", labels, "datasets", datasets, "provisional", provisional));
    }

    private static LocalDate[] presetRange(String preset, LocalDate today) {
        return switch (preset) {
            case "yesterday" -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
            case "last7" -> new LocalDate[] {today.minusDays(7), today.minusDays(1)};
            case "last14" -> new LocalDate[] {today.minusDays(14), today.minusDays(1)};
            case "last90" -> new LocalDate[] {today.minusDays(90), today.minusDays(1)};
            case "thisMonth" -> new LocalDate[] {today.withDayOfMonth(1), today};
            case "lastMonth" -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
            default -> new LocalDate[] {today.minusDays(30), today.minusDays(1)};
        };
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
