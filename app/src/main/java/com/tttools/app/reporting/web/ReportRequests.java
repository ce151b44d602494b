package com.tttools.app.reporting.web;

import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.validation.DateRange;
import com.tttools.app.shared.validation.IsoDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a report request's parameters become a {@link ReportQuery}, with every problem at once: the reports API, its
 * CSV, saved views and the reporting page all read a report request through here.
 */
final class ReportRequests {

    static final List<Metric> DEFAULT_METRICS = List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS,
            Metric.CONVERSIONS, Metric.CTR, Metric.CPC, Metric.CPM, Metric.COST_PER_CONVERSION);
    static final int MAX_DAYS = 3 * 366;
    private static final String CURSOR_LIST = "reports";

    /** The filters and sort of a request, as they came; {@code objective} a TikTok objective type (campaigns'). */
    record Params(String level, String from, String to, String metrics, String groupBy, List<String> advertiserId,
            List<String> campaignId, List<String> adgroupId, String status, String q, String sort, String objective) {

        Params(String level, String from, String to, String metrics, String groupBy, List<String> advertiserId,
                List<String> campaignId, List<String> adgroupId, String status, String q, String sort) {
            this(level, from, to, metrics, groupBy, advertiserId, campaignId, adgroupId, status, q, sort, null);
        }
    }

    private ReportRequests() {
    }

    /** The last date of the range TikTok will no longer revise, or null when every date is provisional. */
    static LocalDate settledThrough(ReportResult result) {
        return result.dates().stream().filter(d -> d.status() == Finality.SETTLED).map(ReportResult.DateStatus::date)
                .reduce((a, b) -> b).orElse(null);
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
            if (!DateRange.Validator.ordered(start, end)) {
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
        String objective = p.objective() == null || p.objective().isBlank() ? null : p.objective().strip();
        if (objective != null && !STATUS.matcher(objective).matches()) {
            problems.add(new FieldProblem("objective", "is not a TikTok objective type (e.g. TRAFFIC)"));
        } else if (objective != null && reportLevel == ReportLevel.ADVERTISER) {
            problems.add(new FieldProblem("objective", "does not fit level ADVERTISER (use CAMPAIGN, ADGROUP or AD)"));
        }
        if (p.q() != null && p.q().strip().length() > 100) {
            problems.add(new FieldProblem("q", "may be at most 100 characters"));
        } else if (!StorableValues.isStorable(p.q())) {
            problems.add(new FieldProblem("q", "must be text (no NUL characters)")); // PostgreSQL refuses NUL in text
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
                new ReportQuery.Filters(advertisers, campaigns, adgroups, status, p.q(), objective), sort, limit, offset);
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

    static List<String> ids(String field, List<String> values, List<FieldProblem> problems) {
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

    /** A required date: its rules are {@link IsoDate}'s, shared with every other request that takes a date. */
    static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        IsoDate.Validator.problem(value).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        return IsoDate.Validator.parse(value);
    }

    /** The cursor of the page starting at {@code offset} (the API's next cursor and the page's next-page link). */
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
