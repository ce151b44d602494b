package com.tttools.simulator.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Json;
import com.tttools.simulator.core.Params;
import com.tttools.simulator.core.Times;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;

/** A validated report request (report/integrated/get or report/task/create). */
public record ReportQuery(
        String reportType,
        Level level,
        List<Integer> advertisers,
        boolean multi,
        List<String> dimensions,
        String idDimension,
        String timeDimension,
        List<String> breakdowns,
        List<String> metrics,
        LocalDate start,
        LocalDate end,
        boolean lifetime,
        Filters filters,
        String orderField,
        boolean descending,
        boolean totals,
        boolean utc) {

    static final String CONFLICT = "Conflict occurs. The input params including metrics and dimensions have no relation.";
    private static final Set<String> ID_DIMENSIONS = Set.of("advertiser_id", "campaign_id", "adgroup_id", "ad_id");
    private static final Set<String> TIME_DIMENSIONS = Set.of("stat_time_day", "stat_time_hour");
    private static final Set<String> BASIC_BREAKDOWNS = Set.of("country_code");
    private static final Set<String> AUDIENCE_BREAKDOWNS = Set.of("gender", "age", "country_code", "platform");
    private static final LocalDate EARLIEST = LocalDate.of(2012, 1, 1);

    /** Report filtering: id lists, status lists per level (default STATUS_NOT_DELETE at the data level), country. */
    public record Filters(Set<Integer> campaigns, Set<Integer> adgroups, Set<Integer> ads, Map<Level, Set<String>> statuses, Set<String> countries) {
    }

    public static ReportQuery parse(Params p, World world, boolean async, ResolveAdvertiser resolver) {
        String reportType = p.required("report_type");
        if (!reportType.equals("BASIC") && !reportType.equals("AUDIENCE")) {
            if (Set.of("PLAYABLE_MATERIAL", "CATALOG", "BC", "TT_SHOP").contains(reportType)) {
                throw ApiException.invalid("report_type: " + reportType + " reports are not available in the simulator.");
            }
            throw ApiException.invalid("report_type: Must be one of: BASIC, AUDIENCE, PLAYABLE_MATERIAL, CATALOG, BC, TT_SHOP.");
        }
        String serviceType = p.str("service_type");
        if (serviceType != null && !serviceType.equals("AUCTION") && !serviceType.equals("RESERVATION")) {
            throw ApiException.invalid("service_type: Must be one of: AUCTION, RESERVATION.");
        }
        String dataLevel = p.required("data_level");
        Level level = switch (dataLevel) {
            case "AUCTION_ADVERTISER", "RESERVATION_ADVERTISER" -> Level.ADVERTISER;
            case "AUCTION_CAMPAIGN", "RESERVATION_CAMPAIGN" -> Level.CAMPAIGN;
            case "AUCTION_ADGROUP", "RESERVATION_ADGROUP" -> Level.ADGROUP;
            case "AUCTION_AD", "RESERVATION_AD" -> Level.AD;
            default -> throw ApiException.invalid("data_level: Must be one of: AUCTION_ADVERTISER, AUCTION_CAMPAIGN, AUCTION_ADGROUP, AUCTION_AD.");
        };
        List<Integer> advertisers = new ArrayList<>();
        boolean multi = p.has("advertiser_ids");
        if (multi) {
            List<String> ids = p.stringList("advertiser_ids");
            if (ids == null || ids.isEmpty() || ids.size() > 5) {
                throw ApiException.invalid("advertiser_ids: Length must be between 1 and 5.");
            }
            for (String id : ids) {
                advertisers.add(resolver.resolve(id));
            }
        } else if (p.has("advertiser_id")) {
            advertisers.add(resolver.resolve(p.str("advertiser_id")));
        } else {
            throw ApiException.invalid("advertiser_id: One of advertiser_id and advertiser_ids is required.");
        }
        List<String> dims = p.stringList("dimensions");
        if (dims == null || dims.isEmpty()) {
            throw ApiException.invalid("dimensions: Missing data for required field.");
        }
        String idDim = null;
        String timeDim = null;
        List<String> breakdowns = new ArrayList<>();
        Set<String> allowedBreakdowns = reportType.equals("BASIC") ? BASIC_BREAKDOWNS : AUDIENCE_BREAKDOWNS;
        for (String d : dims) {
            if (ID_DIMENSIONS.contains(d)) {
                if (idDim != null || !d.equals(idFor(level))) {
                    throw ApiException.invalid(CONFLICT);
                }
                idDim = d;
            } else if (TIME_DIMENSIONS.contains(d)) {
                if (timeDim != null) {
                    throw ApiException.invalid(CONFLICT);
                }
                timeDim = d;
            } else if (allowedBreakdowns.contains(d)) {
                breakdowns.add(d);
            } else if (BASIC_BREAKDOWNS.contains(d) || AUDIENCE_BREAKDOWNS.contains(d)) {
                throw ApiException.invalid(CONFLICT);
            } else {
                throw ApiException.invalid("dimensions: Invalid dimension " + d + ".");
            }
        }
        if (reportType.equals("AUDIENCE") && "stat_time_hour".equals(timeDim)) {
            throw ApiException.invalid(CONFLICT);
        }
        if (breakdowns.size() > 2 || (breakdowns.size() == 2 && !(breakdowns.contains("age") && breakdowns.contains("gender")))) {
            throw ApiException.invalid(CONFLICT);
        }
        List<String> metrics = p.stringList("metrics");
        if (metrics == null || metrics.isEmpty()) {
            metrics = List.of("spend", "impressions");
        }
        List<String> invalid = new ArrayList<>();
        for (String m : metrics) {
            if (!MetricCatalog.allowed(level, reportType, m)) {
                invalid.add(m);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(MetricCatalog.invalidMessage(invalid));
        }
        boolean lifetime = p.bool("query_lifetime", false);
        LocalDate start = null;
        LocalDate end = null;
        if (lifetime) {
            if (!reportType.equals("BASIC") || timeDim != null || !breakdowns.isEmpty()) {
                throw ApiException.invalid("query_lifetime: Lifetime reports support BASIC reports without time or audience dimensions.");
            }
        } else {
            start = Times.parseDate("start_date", p.required("start_date"));
            end = Times.parseDate("end_date", p.required("end_date"));
            if (start.isBefore(EARLIEST)) {
                throw ApiException.invalid("start_date: Date must be on or after 2012-01-01.");
            }
            if (end.isBefore(start)) {
                throw ApiException.invalid("end_date: end_date must be on or after start_date.");
            }
            long span = ChronoUnit.DAYS.between(start, end) + 1;
            if ("stat_time_hour".equals(timeDim) && span > 1) {
                throw ApiException.invalid("max time span is 1 day when use stat_time_hour");
            }
            if ("stat_time_day".equals(timeDim) && span > (async ? 365 : 30)) {
                throw ApiException.invalid("max time span is " + (async ? 365 : 30) + " days when use stat_time_day");
            }
            if (span > 365) {
                throw ApiException.invalid("max time span is 365 days");
            }
        }
        boolean totals = p.bool("enable_total_metrics", false);
        if (totals && world.behaviour().sandbox()) {
            throw ApiException.invalid("enable_total_metrics: Not supported in the sandbox.");
        }
        if (totals && (!reportType.equals("BASIC") || "stat_time_hour".equals(timeDim) || !breakdowns.isEmpty())) {
            throw ApiException.invalid("enable_total_metrics: Only supported for BASIC reports with one ID dimension and/or stat_time_day.");
        }
        String orderField = p.str("order_field");
        if (orderField != null && (!metrics.contains(orderField) || MetricCatalog.ATTRIBUTES.contains(orderField))) {
            throw ApiException.invalid("order_field: Must be one of the requested non-attribute metrics.");
        }
        String orderType = p.str("order_type");
        if (orderType != null && !orderType.equals("ASC") && !orderType.equals("DESC")) {
            throw ApiException.invalid("order_type: Must be one of: ASC, DESC.");
        }
        Filters filters = filters(p, world, level);
        boolean utc = multi && p.bool("multi_adv_report_in_utc_time", false);
        return new ReportQuery(reportType, level, advertisers, multi, dims, idDim, timeDim, breakdowns, metrics, start, end, lifetime, filters,
                orderField, !"ASC".equals(orderType), totals, utc);
    }

    /** Resolves an advertiser id to its index, checking the token's grant. */
    @FunctionalInterface
    public interface ResolveAdvertiser {
        int resolve(String id);
    }

    static String idFor(Level level) {
        return switch (level) {
            case ADVERTISER -> "advertiser_id";
            case CAMPAIGN -> "campaign_id";
            case ADGROUP -> "adgroup_id";
            default -> "ad_id";
        };
    }

    private static Filters filters(Params p, World world, Level level) {
        List<?> raw = p.list("filtering");
        Set<Integer> campaigns = null;
        Set<Integer> adgroups = null;
        Set<Integer> ads = null;
        Set<String> countries = null;
        Map<Level, Set<String>> statuses = new java.util.EnumMap<>(Level.class);
        if (raw != null) {
            for (Object o : raw) {
                if (!(o instanceof Map<?, ?> f) || f.get("field_name") == null) {
                    throw ApiException.invalid("filtering: Each filter needs field_name, filter_type and filter_value.");
                }
                String field = f.get("field_name").toString();
                String type = f.get("filter_type") == null ? "IN" : f.get("filter_type").toString();
                List<String> values = values(f.get("filter_value"), field);
                if (!type.equals("IN") && !type.equals("MATCH")) {
                    throw ApiException.invalid("filtering: filter_type " + type + " is not supported for " + field + ".");
                }
                switch (field) {
                    case "campaign_ids" -> campaigns = indexes(world, Level.CAMPAIGN, values);
                    case "adgroup_ids" -> adgroups = indexes(world, Level.ADGROUP, values);
                    case "ad_ids" -> ads = indexes(world, Level.AD, values);
                    case "campaign_status" -> statuses.put(Level.CAMPAIGN, new HashSet<>(values));
                    case "adgroup_status" -> statuses.put(Level.ADGROUP, new HashSet<>(values));
                    case "ad_status" -> statuses.put(Level.AD, new HashSet<>(values));
                    case "country_code" -> countries = new HashSet<>(values);
                    default -> throw ApiException.invalid("filtering: field_name " + field + " is not supported.");
                }
            }
        }
        if (level != Level.ADVERTISER && !statuses.containsKey(level)) {
            statuses.put(level, Set.of("STATUS_NOT_DELETE"));
        }
        return new Filters(campaigns, adgroups, ads, statuses, countries);
    }

    /** filter_value is a JSON-encoded string (a JSON array for IN); a plain array or scalar is tolerated. */
    private static List<String> values(Object value, String field) {
        if (value == null) {
            throw ApiException.invalid("filtering: filter_value is required for " + field + ".");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            return Json.parseArray(text).stream().map(Object::toString).toList();
        }
        return List.of(text);
    }

    private static Set<Integer> indexes(World world, Level level, List<String> ids) {
        Set<Integer> out = new HashSet<>();
        for (String id : ids) {
            int idx = world.data.index(level, id);
            if (idx >= 0) {
                out.add(idx);
            }
        }
        return out;
    }
}
