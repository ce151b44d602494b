package com.tttools.simulator.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.api.RawBody;
import com.tttools.simulator.api.Sim;
import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Paging;
import com.tttools.simulator.core.Params;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;
import com.tttools.simulator.oauth.Token;

/** report/integrated/get and the async report/task/* endpoints. */
public final class ReportEndpoints {

    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("advertiser_id", "Advertiser ID"), Map.entry("campaign_id", "Campaign ID"),
            Map.entry("adgroup_id", "Ad group ID"), Map.entry("ad_id", "Ad ID"), Map.entry("stat_time_day", "Date"), Map.entry("stat_time_hour", "Hour"),
            Map.entry("spend", "Cost"), Map.entry("impressions", "Impressions"), Map.entry("clicks", "Clicks (destination)"),
            Map.entry("ctr", "CTR (destination)"), Map.entry("cpc", "CPC (destination)"), Map.entry("cpm", "CPM"), Map.entry("reach", "Reach"),
            Map.entry("conversion", "Conversions"), Map.entry("campaign_name", "Campaign name"), Map.entry("ad_name", "Ad name"));

    private ReportEndpoints() {
    }

    private static ReportQuery.ResolveAdvertiser resolver(World world, Token token) {
        return id -> {
            int idx = world.data.index(Level.ADVERTISER, id);
            if (idx < 0 || !token.advertisers.contains(idx)) {
                throw new ApiException(ApiException.NO_PERMISSION, "No permission to operate advertiser " + id + ".");
            }
            return idx;
        };
    }

    public static Object integrated(Sim sim, World world, Params params, Token token, long now) {
        ReportQuery q = ReportQuery.parse(params, world, false, resolver(world, token));
        Paging paging = Paging.from(params, 10, 1000);
        List<ReportEngine.Row> rows = sim.reports.rows(q, world, now);
        RowFormatter formatter = new RowFormatter(q, world, now);
        rows = sorted(q, rows, formatter);
        List<Map<String, Object>> page = new ArrayList<>();
        for (ReportEngine.Row row : paging.slice(rows)) {
            page.add(formatter.row(row));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", page);
        data.put("page_info", paging.info(rows.size(), world.behaviour().emptyTotalPage()));
        if (q.totals()) {
            data.put("total_metrics", formatter.totals(rows));
        }
        return data;
    }

    private static List<ReportEngine.Row> sorted(ReportQuery q, List<ReportEngine.Row> rows, RowFormatter formatter) {
        if (q.orderField() == null) {
            return rows;
        }
        Map<ReportEngine.Row, Double> keys = new HashMap<>();
        for (ReportEngine.Row r : rows) {
            String v = formatter.metric(r, q.orderField());
            keys.put(r, v.equals("-") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v));
        }
        List<ReportEngine.Row> out = new ArrayList<>(rows);
        Comparator<ReportEngine.Row> byValue = Comparator.comparingDouble(keys::get);
        out.sort(q.descending() ? byValue.reversed() : byValue);
        return out;
    }

    public static Object createTask(Sim sim, World world, Params params, Token token, long now) {
        ReportQuery q = ReportQuery.parse(params, world, true, resolver(world, token));
        ReportEngine.estimateSize(q, world, now);
        String format = params.str("output_format") == null ? "CSV_STRING" : params.str("output_format");
        if (!List.of("CSV_STRING", "CSV_DOWNLOAD", "XLSX_DOWNLOAD").contains(format)) {
            throw ApiException.invalid("output_format: Must be one of: CSV_STRING, CSV_DOWNLOAD, XLSX_DOWNLOAD.");
        }
        String fileName = params.str("file_name");
        if (fileName != null && (fileName.length() > 255 || fileName.chars().anyMatch(ch -> "/\\\t\b@#$%^&*()[]".indexOf(ch) >= 0))) {
            throw ApiException.invalid("file_name: Invalid file name.");
        }
        ReportTasks.Task task = sim.tasks.create(new HashMap<>(params.body()), q.advertisers(), format,
                fileName == null ? "report_" + now : fileName, params.bool("enable_report_title_translation", true), now);
        return Map.of("task_id", task.id);
    }

    private static ReportTasks.Task task(Sim sim, World world, Params params, Token token) {
        int adv = resolver(world, token).resolve(params.required("advertiser_id"));
        ReportTasks.Task task = sim.tasks.get(params.required("task_id"));
        if (task == null || !task.advertisers.contains(adv)) {
            throw ApiException.invalid("task_id: Task " + params.str("task_id") + " does not exist.");
        }
        return task;
    }

    public static Object checkTask(Sim sim, World world, Params params, Token token) {
        ReportTasks.Task task = sim.tasks.poll(task(sim, world, params, token), world.behaviour().asyncPollsToComplete());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", task.status());
        data.put("message", sim.tasks.message(task));
        return data;
    }

    public static Object cancelTask(Sim sim, World world, Params params, Token token) {
        ReportTasks.Task task = task(sim, world, params, token);
        if (!sim.tasks.cancel(task)) {
            throw ApiException.invalid("task_id: Only QUEUING or PROCESSING tasks can be canceled; this one is " + task.status() + ".");
        }
        return Map.of("status", "CANCELED");
    }

    public static Object downloadTask(Sim sim, World world, Params params, Token token, String base, long now) {
        ReportTasks.Task task = task(sim, world, params, token);
        if (!task.status().equals("SUCCESS")) {
            throw new ApiException(ApiException.TASK_NOT_READY, ApiException.defaultMessage(ApiException.TASK_NOT_READY));
        }
        if (task.outputFormat.equals("CSV_STRING")) {
            return new RawBody("text/csv;charset=UTF-8", csv(sim, world, task, now).getBytes(StandardCharsets.UTF_8));
        }
        String ext = task.outputFormat.equals("XLSX_DOWNLOAD") ? ".xlsx" : ".csv";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("download_url", base + "/_sim/files/" + task.id + ext + "?x-expires=" + (now + 3600));
        data.put("file_name", task.fileName);
        data.put("output_format", task.outputFormat);
        return data;
    }

    /** The task's whole result as CSV (title row translated unless enable_report_title_translation=false). */
    public static String csv(Sim sim, World world, ReportTasks.Task task, long now) {
        Params params = new Params(Map.of(), task.request);
        ReportQuery q = ReportQuery.parse(params, world, true, idx -> world.data.index(Level.ADVERTISER, idx));
        List<ReportEngine.Row> rows;
        try {
            rows = ReportEngine.rows(q, world, now);
        } catch (ApiException e) {
            sim.tasks.fail(task, e.getMessage());
            throw e;
        }
        RowFormatter formatter = new RowFormatter(q, world, now);
        rows = sorted(q, rows, formatter);
        StringBuilder sb = new StringBuilder();
        List<String> columns = new ArrayList<>(q.dimensions());
        columns.addAll(q.metrics());
        List<String> titles = new ArrayList<>();
        for (String c : columns) {
            titles.add(task.translateTitles ? TITLES.getOrDefault(c, c) : c);
        }
        sb.append(String.join(",", titles)).append('\n');
        for (ReportEngine.Row row : rows) {
            Map<String, Object> r = formatter.row(row);
            @SuppressWarnings("unchecked")
            Map<String, Object> dims = (Map<String, Object>) r.get("dimensions");
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) r.get("metrics");
            List<String> cells = new ArrayList<>();
            for (String c : q.dimensions()) {
                cells.add(escape(String.valueOf(dims.get(c))));
            }
            for (String c : q.metrics()) {
                cells.add(escape(String.valueOf(metrics.get(c))));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String escape(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
