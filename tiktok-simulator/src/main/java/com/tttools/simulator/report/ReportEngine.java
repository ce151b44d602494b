package com.tttools.simulator.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.Timeline;
import com.tttools.simulator.data.World;

/**
 * Computes report rows on demand: walks the advertiser's ads, keeps the hours each ad delivered
 * (its own, its ad group's and its campaign's timelines) and that are already reported (latency),
 * and sums the ad-day facts into rows of the requested level.
 */
public final class ReportEngine {

    /** A report row before formatting; entity/time/breakdown are -1 when not a dimension. */
    public record Row(int advertiser, int entity, long time, int breakdown, long[] values) {
    }

    private record Key(int advertiser, int entity, long time, int breakdown) {
    }

    private ReportEngine() {
    }

    public static List<Row> rows(ReportQuery q, World world, long now) {
        Dataset d = world.data;
        MetricsModel model = new MetricsModel(d);
        long available = now - world.behaviour().reportLatency().toSeconds();
        int restatement = world.behaviour().restatementDays();
        estimateSize(q, world, now);
        // insertion order is already the output order for most queries; sorting is then skipped
        Map<Key, long[]> rows = new java.util.LinkedHashMap<>();
        boolean hourly = "stat_time_hour".equals(q.timeDimension());
        boolean daily = "stat_time_day".equals(q.timeDimension());
        for (int adv : q.advertisers()) {
            ZoneId zone = d.zone(adv);
            List<LocalDate> days = days(q, d, zone, now);
            int n = days.size();
            long[][] hourStarts = new long[n][24];
            int[] availMask = new int[n];
            // report day of each local hour: the local day itself, or the UTC day for multi_adv_report_in_utc_time
            long[][] reportDay = new long[n][24];
            int[][] reportHour = new int[n][24];
            for (int i = 0; i < n; i++) {
                for (int h = 0; h < 24; h++) {
                    long start = LocalDateTime.of(days.get(i), LocalTime.of(h, 0)).atZone(zone).toEpochSecond();
                    hourStarts[i][h] = start;
                    reportDay[i][h] = q.utc() ? Math.floorDiv(start, 86_400) : days.get(i).toEpochDay();
                    reportHour[i][h] = q.utc() ? (int) Math.floorMod(start, 86_400) / 3600 : h;
                    boolean inRange = q.lifetime() || (reportDay[i][h] >= q.start().toEpochDay() && reportDay[i][h] <= q.end().toEpochDay());
                    if (start + 3600 <= available && inRange) {
                        availMask[i] |= 1 << h;
                    }
                }
            }
            int rowAdv = q.idDimension() == null && q.multi() ? -1 : adv;
            // labels must follow the row's advertiser (none when several advertisers are merged into one row)
            Breakdowns.Split split = q.breakdowns().isEmpty() ? null : Breakdowns.of(q.breakdowns(), d, rowAdv);
            long[] scratch = new long[MetricsModel.N];
            for (int c = d.advCampStart[adv]; c < d.advCampStart[adv + 1]; c++) {
                if (!passes(q, world, Level.CAMPAIGN, c, q.filters().campaigns(), now)) {
                    continue;
                }
                Timeline tlC = world.timeline(Level.CAMPAIGN, c);
                String objective = d.objective(c);
                boolean budgetC = world.hasBudgetChanges(Level.CAMPAIGN, c);
                for (int g = d.campAgStart[c]; g < d.campAgStart[c + 1]; g++) {
                    if (!passes(q, world, Level.ADGROUP, g, q.filters().adgroups(), now)) {
                        continue;
                    }
                    Timeline tlG = world.timeline(Level.ADGROUP, g);
                    boolean budgetG = world.hasBudgetChanges(Level.ADGROUP, g);
                    int[] masks = new int[n];
                    boolean any = false;
                    for (int i = 0; i < n; i++) {
                        if (availMask[i] != 0) {
                            masks[i] = availMask[i] & tlC.mask(hourStarts[i], 24);
                            if (masks[i] != 0) {
                                masks[i] &= tlG.mask(hourStarts[i], 24);
                                any |= masks[i] != 0;
                            }
                        }
                    }
                    if (!any) {
                        continue;
                    }
                    for (int a = d.agAdStart[g]; a < d.agAdStart[g + 1]; a++) {
                        if (!passes(q, world, Level.AD, a, q.filters().ads(), now)) {
                            continue;
                        }
                        Timeline tlA = world.timeline(Level.AD, a);
                        MetricsModel.AdProfile profile = null;
                        int entity = switch (q.level()) {
                            case ADVERTISER -> adv;
                            case CAMPAIGN -> c;
                            case ADGROUP -> g;
                            default -> a;
                        };
                        if (q.idDimension() == null) {
                            entity = -1;
                        }
                        for (int i = 0; i < n; i++) {
                            if (masks[i] == 0) {
                                continue;
                            }
                            int mask = masks[i] & tlA.mask(hourStarts[i], 24);
                            if (mask == 0) {
                                continue;
                            }
                            if (profile == null) {
                                profile = model.profile(a);
                            }
                            long dayStart = hourStarts[i][0];
                            double volume = (budgetC ? world.volumeFactor(Level.CAMPAIGN, c, dayStart) : 1.0)
                                    * (budgetG ? world.volumeFactor(Level.ADGROUP, g, dayStart) : 1.0);
                            double settled = MetricsModel.settled(hourStarts[i][23] + 3600, now, restatement);
                            long epochDay = days.get(i).toEpochDay();
                            if (hourly) {
                                for (int h = 0; h < 24; h++) {
                                    if ((mask & (1 << h)) != 0) {
                                        java.util.Arrays.fill(scratch, 0);
                                        model.addDay(profile, epochDay, mask, volume, settled, objective, h, scratch);
                                        add(rows, new Key(rowAdv, entity, reportDay[i][h] * 24 + reportHour[i][h], -1), scratch, split, q);
                                    }
                                }
                            } else if (q.utc() && daily) {
                                // a local day straddles two UTC days: split its hours by the UTC day they fall in
                                for (int part = 0; part < 2; part++) {
                                    long target = part == 0 ? reportDay[i][0] : reportDay[i][23];
                                    if (part == 1 && target == reportDay[i][0]) {
                                        break;
                                    }
                                    int sub = 0;
                                    for (int h = 0; h < 24; h++) {
                                        if ((mask & (1 << h)) != 0 && reportDay[i][h] == target) {
                                            sub |= 1 << h;
                                        }
                                    }
                                    if (sub != 0) {
                                        java.util.Arrays.fill(scratch, 0);
                                        model.addDay(profile, epochDay, sub, volume, settled, objective, -1, scratch);
                                        add(rows, new Key(rowAdv, entity, target, -1), scratch, split, q);
                                    }
                                }
                            } else {
                                long time = daily ? epochDay : -1;
                                if (split == null) {
                                    long[] target = rows.computeIfAbsent(new Key(rowAdv, entity, time, -1), k -> new long[MetricsModel.N]);
                                    model.addDay(profile, epochDay, mask, volume, settled, objective, -1, target);
                                } else {
                                    java.util.Arrays.fill(scratch, 0);
                                    model.addDay(profile, epochDay, mask, volume, settled, objective, -1, scratch);
                                    add(rows, new Key(rowAdv, entity, time, -1), scratch, split, q);
                                }
                            }
                        }
                    }
                }
            }
        }
        List<Key> keys = new ArrayList<>(rows.keySet());
        List<Integer> order = q.advertisers();
        java.util.Comparator<Key> byOutputOrder = (x, y) -> {
            int c = Integer.compare(x.advertiser() < 0 ? -1 : order.indexOf(x.advertiser()), y.advertiser() < 0 ? -1 : order.indexOf(y.advertiser()));
            if (c == 0) {
                c = Integer.compare(x.entity(), y.entity());
            }
            if (c == 0) {
                c = Long.compare(x.time(), y.time());
            }
            return c != 0 ? c : Integer.compare(x.breakdown(), y.breakdown());
        };
        boolean sorted = true;
        for (int i = 1; i < keys.size() && sorted; i++) {
            sorted = byOutputOrder.compare(keys.get(i - 1), keys.get(i)) <= 0;
        }
        if (!sorted) {
            keys.sort(byOutputOrder);
        }
        List<Row> out = new ArrayList<>(keys.size());
        for (Key k : keys) {
            out.add(new Row(k.advertiser(), k.entity(), k.time(), k.breakdown(), rows.get(k)));
        }
        return out;
    }

    private static void add(Map<Key, long[]> rows, Key key, long[] values, Breakdowns.Split split, ReportQuery q) {
        if (split == null) {
            long[] target = rows.computeIfAbsent(key, k -> new long[MetricsModel.N]);
            for (int m = 0; m < MetricsModel.N; m++) {
                target[m] += values[m];
            }
            return;
        }
        Set<String> countries = q.filters().countries();
        int countryPos = q.breakdowns().indexOf("country_code");
        for (int b = 0; b < split.size(); b++) {
            if (countries != null && countryPos >= 0 && !countries.contains(split.labels().get(b)[countryPos])) {
                continue;
            }
            long[] target = rows.computeIfAbsent(new Key(key.advertiser(), key.entity(), key.time(), b), k -> new long[MetricsModel.N]);
            for (int m = 0; m < MetricsModel.N; m++) {
                target[m] += split.part(values[m], b);
            }
        }
    }

    private static boolean passes(ReportQuery q, World world, Level level, int idx, Set<Integer> ids, long now) {
        if (ids != null && !ids.contains(idx)) {
            return false;
        }
        Set<String> statuses = q.filters().statuses().get(level);
        if (statuses == null || statuses.contains("STATUS_ALL")) {
            return true;
        }
        boolean deleted = world.deleted(level, idx, now);
        for (String s : statuses) {
            switch (s) {
                case "STATUS_NOT_DELETE" -> {
                    if (!deleted) {
                        return true;
                    }
                }
                case "STATUS_DELETE" -> {
                    if (deleted) {
                        return true;
                    }
                }
                case "STATUS_DELIVERY_OK" -> {
                    if (!deleted && world.secondaryStatus(level, idx, now).endsWith("DELIVERY_OK")) {
                        return true;
                    }
                }
                case "STATUS_DISABLE" -> {
                    if (!deleted && world.secondaryStatus(level, idx, now).contains("DISABLE")) {
                        return true;
                    }
                }
                default -> throw ApiException.invalid("filtering: Invalid status value " + s + ".");
            }
        }
        return false;
    }

    /** The days of the request in the advertiser's timezone; lifetime covers the whole generated history. */
    static List<LocalDate> days(ReportQuery q, Dataset d, ZoneId zone, long now) {
        LocalDate from;
        LocalDate to;
        if (q.lifetime()) {
            from = d.anchorDay.minusDays(Dataset.HISTORY_DAYS + 1);
            to = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(now), zone);
        } else if (q.utc()) {
            from = LocalDate.ofInstant(q.start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), zone);
            to = LocalDate.ofInstant(q.end().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(1), zone);
        } else {
            from = q.start();
            to = q.end();
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** 40067 before doing the work: entities x time buckets x breakdown values above the configured ceiling. */
    public static void estimateSize(ReportQuery q, World world, long now) {
        Dataset d = world.data;
        long entities = 0;
        long buckets = 1;
        for (int adv : q.advertisers()) {
            entities += switch (q.level()) {
                case ADVERTISER -> 1;
                case CAMPAIGN -> d.advCampStart[adv + 1] - d.advCampStart[adv];
                case ADGROUP -> d.campAgStart[d.advCampStart[adv + 1]] - d.campAgStart[d.advCampStart[adv]];
                default -> d.agAdStart[d.campAgStart[d.advCampStart[adv + 1]]] - d.agAdStart[d.campAgStart[d.advCampStart[adv]]];
            };
        }
        if (q.idDimension() == null) {
            entities = 1;
        }
        if (q.timeDimension() != null) {
            long days = q.lifetime() ? 1 : q.end().toEpochDay() - q.start().toEpochDay() + 1;
            buckets = "stat_time_hour".equals(q.timeDimension()) ? 24 : days;
        }
        long breakdown = q.breakdowns().isEmpty() ? 1 : Breakdowns.of(q.breakdowns(), d, q.advertisers().get(0)).size();
        if (entities * buckets * breakdown > world.behaviour().queryTooLargeRows()) {
            throw new ApiException(ApiException.QUERY_TOO_LARGE, ApiException.defaultMessage(ApiException.QUERY_TOO_LARGE));
        }
    }

    /** Labels of a row's breakdown, in the order of q.breakdowns(). */
    public static String[] breakdownLabels(ReportQuery q, World world, Row row) {
        if (row.breakdown() < 0) {
            return new String[0];
        }
        return Breakdowns.of(q.breakdowns(), world.data, row.advertiser()).labels().get(row.breakdown());
    }
}
