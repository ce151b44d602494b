package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollups of the daily facts (docs/reporting.md, "Rollups"), one table each ({@link Rollup}): per entity and week
 * (a Monday-to-Sunday week cut at month boundaries), per entity and month, and per advertiser and day; each row holds
 * the sums of its facts' additive bases, with the attributes reports group and filter by in the key. Kept in the fact
 * writer's transaction from the batch's own changes, never by re-reading the days: a batch of new days adds its rows
 * ({@link Changes}, summed in memory as the rows are added); a merge adds, before it runs, the difference between the
 * staged rows and the stored ones it will replace ({@link #addStagedChanges}); retention takes the rows it deletes out
 * in the same statement ({@link #deleteFacts}). A partition drop corrects the buckets it touches.
 */
@Component
class FactRollups {

    /** The weekly rollup's table. */
    static final String TABLE = "report_fact_rollups";
    /** The additive bases, as columns of the facts and of the rollups. */
    static final List<String> SUMS = sums();
    /** The key of the per-entity rollups after the workspace. */
    static final String KEY = "level, bucket_start, advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name";

    private static List<String> sums() {
        List<String> sums = new ArrayList<>(List.of("spend"));
        Metric.COUNTS.forEach(m -> sums.add(m.column()));
        return List.copyOf(sums);
    }

    /** The tables kept from the daily facts, with their buckets and keys. */
    enum Rollup {
        /** Per entity and week cut at month boundaries ({@code bucket_start}: its Monday, or the 1st). */
        WEEKS(TABLE, "bucket_start", KEY),
        /** Per entity and calendar month ({@code bucket_start}: the 1st). */
        MONTHS("report_fact_rollups_monthly", "bucket_start", KEY),
        /** Per advertiser, level and day: what totals and rows not per entity add up. */
        ADVERTISER_DAYS("report_fact_advertiser_days", "stat_date", "level, stat_date, advertiser_id, currency");

        final String table;
        /** The column holding the bucket's first day. */
        final String bucket;
        /** The key after the workspace. */
        final String key;

        Rollup(String table, String bucket, String key) {
            this.table = table;
            this.bucket = bucket;
            this.key = key;
        }

        /** The first day of the bucket holding {@code day}. */
        LocalDate start(LocalDate day) {
            return switch (this) {
                case WEEKS -> {
                    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    LocalDate first = day.withDayOfMonth(1);
                    yield monday.isBefore(first) ? first : monday;
                }
                case MONTHS -> day.withDayOfMonth(1);
                case ADVERTISER_DAYS -> day;
            };
        }

        /** The last day of the bucket holding {@code day}. */
        LocalDate end(LocalDate day) {
            return switch (this) {
                case WEEKS -> {
                    LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                    LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
                    yield sunday.isAfter(last) ? last : sunday;
                }
                case MONTHS -> day.with(TemporalAdjusters.lastDayOfMonth());
                case ADVERTISER_DAYS -> day;
            };
        }

        /** {@link #start} in SQL, on timestamp rather than timestamptz (which a date would become): no session time zone. */
        String bucketOf(String day) {
            return switch (this) {
                case WEEKS -> "greatest(date_trunc('week', CAST(" + day + " AS timestamp)), date_trunc('month', CAST("
                        + day + " AS timestamp)))::date";
                case MONTHS -> "date_trunc('month', CAST(" + day + " AS timestamp))::date";
                case ADVERTISER_DAYS -> "CAST(" + day + " AS date)";
            };
        }

        /** The key's values for rows of {@code alias} whose day is {@code day} (an expression). */
        String keyOf(String alias, String day) {
            return String.join(", ", Arrays.stream(key.split(", "))
                    .map(c -> c.equals(bucket) ? bucketOf(day) : alias + "." + c).toList());
        }

        private int keyColumns() {
            return key.split(", ").length;
        }

        /** GROUP BY / ORDER BY positions of the workspace and the key in a SELECT that starts with them. */
        private String keyPositions() {
            StringBuilder positions = new StringBuilder("1");
            for (int i = 2; i <= keyColumns() + 1; i++) {
                positions.append(", ").append(i);
            }
            return positions.toString();
        }

        private String upsert() {
            return " ON CONFLICT ON CONSTRAINT " + table + "_key DO UPDATE SET facts = " + table + ".facts + EXCLUDED.facts, "
                    + String.join(", ", SUMS.stream().map(c -> c + " = " + table + "." + c + " + EXCLUDED." + c).toList());
        }
    }

    /** The SQL of a day's week bucket: {@link #bucketStart} in SQL. */
    static String bucketSql(String day) {
        return Rollup.WEEKS.bucketOf(day);
    }

    /** The first day of the week bucket holding {@code day}: its week's Monday, or the 1st if the month began later. */
    static LocalDate bucketStart(LocalDate day) {
        return Rollup.WEEKS.start(day);
    }

    /** The last day of the week bucket holding {@code day}: its week's Sunday, or the month's last day if sooner. */
    static LocalDate bucketEnd(LocalDate day) {
        return Rollup.WEEKS.end(day);
    }

    /**
     * One part of a report's range: days read from the daily facts ({@code rollup} null) or whole buckets of a
     * per-entity rollup, {@code from} the first bucket's first day {@code to} the last bucket's last day.
     */
    record Piece(Rollup rollup, LocalDate from, LocalDate to) {

        /** The last bucket's first day (the rollups' keys hold starts). */
        LocalDate lastBucket() {
            return rollup == null ? to : rollup.start(to);
        }
    }

    /**
     * How a range splits into the whole months inside it (from the monthly rollup), the whole weeks inside the months
     * it covers in part (from the weekly rollup), and the days left at either end (from the daily facts). Empty when
     * no whole week lies inside the range.
     */
    record Split(List<Piece> pieces) {

        static Optional<Split> of(LocalDate from, LocalDate to) {
            LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate lastMonthEnd = to.equals(Rollup.MONTHS.end(to)) ? to : to.withDayOfMonth(1).minusDays(1);
            List<Piece> pieces = new ArrayList<>();
            if (firstMonth.isAfter(lastMonthEnd)) {
                weeks(from, to, pieces);
            } else {
                weeks(from, firstMonth.minusDays(1), pieces);
                pieces.add(new Piece(Rollup.MONTHS, firstMonth, lastMonthEnd));
                weeks(lastMonthEnd.plusDays(1), to, pieces);
            }
            return pieces.stream().anyMatch(p -> p.rollup() != null) ? Optional.of(new Split(List.copyOf(pieces)))
                    : Optional.empty();
        }

        /** {@code from..to} (none if empty) as the whole weeks inside it and the days before and after them. */
        private static void weeks(LocalDate from, LocalDate to, List<Piece> pieces) {
            if (from.isAfter(to)) {
                return;
            }
            LocalDate first = bucketStart(from).equals(from) ? from : bucketEnd(from).plusDays(1);
            LocalDate last = bucketEnd(to).equals(to) ? to : bucketStart(to).minusDays(1);
            if (first.isAfter(last)) {
                pieces.add(new Piece(null, from, to));
                return;
            }
            if (from.isBefore(first)) {
                pieces.add(new Piece(null, from, first.minusDays(1)));
            }
            pieces.add(new Piece(Rollup.WEEKS, first, last));
            if (to.isAfter(last)) {
                pieces.add(new Piece(null, last.plusDays(1), to));
            }
        }
    }

    private final JdbcClient jdbc;

    FactRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch's facts summed per rollup row, as they are added (all new facts: the append path). */
    static final class Changes {

        /** Per entity and week: the weekly and the monthly rollup (a week lies in one month). */
        private final Map<Key, Sums> entities = new HashMap<>();
        private final Map<AdvertiserDay, Sums> advertiserDays = new HashMap<>();

        void add(FactRow row) {
            Key key = new Key(row.level(), bucketStart(row.date()), row.advertiserId(), row.entityId(), row.currency(),
                    row.campaignId(), row.adgroupId(), row.entityName());
            entities.computeIfAbsent(key, k -> new Sums()).add(row);
            advertiserDays.computeIfAbsent(new AdvertiserDay(row.level(), row.date(), row.advertiserId(), row.currency()),
                    k -> new Sums()).add(row);
        }

        boolean isEmpty() {
            return entities.isEmpty();
        }
    }

    private record Key(ReportLevel level, LocalDate bucket, String advertiserId, String entityId, String currency,
            String campaignId, String adgroupId, String entityName) {
    }

    private record AdvertiserDay(ReportLevel level, LocalDate day, String advertiserId, String currency) {
    }

    private static final class Sums {
        long facts;
        BigDecimal spend = BigDecimal.ZERO;
        final long[] counts = new long[Metric.COUNTS.size()];

        void add(FactRow row) {
            facts++;
            // stored as NUMERIC(20, 6): the rollup sums what the facts hold
            spend = spend.add(row.spend().scale() > 6 ? row.spend().setScale(6, RoundingMode.HALF_UP) : row.spend());
            counts[0] += row.impressions();
            counts[1] += row.clicks();
            counts[2] += row.conversions();
            counts[3] += row.results();
            counts[4] += row.videoViews();
            int[] engagement = row.engagement();
            for (int i = 0; i < engagement.length; i++) {
                counts[5 + i] += engagement[i];
            }
        }
    }

    /** Adds the changes of a batch of new facts to every rollup, in one statement (in the caller's transaction). */
    void add(WorkspaceId workspaceId, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ws", workspaceId.value());
        int n = changes.entities.size();
        String[][] keys = new String[8][n];
        int i = 0;
        for (Key k : changes.entities.keySet()) {
            keys[0][i] = k.level().name();
            keys[1][i] = k.bucket().toString();
            keys[2][i] = k.advertiserId();
            keys[3][i] = k.entityId();
            keys[4][i] = k.currency();
            keys[5][i] = k.campaignId();
            keys[6][i] = k.adgroupId();
            keys[7][i] = k.entityName();
            i++;
        }
        String[] entityColumns = {"level", "day", "advertiser_id", "entity_id", "currency", "campaign_id", "adgroup_id",
            "entity_name"};
        String[] entityTypes = {"text", "date", "text", "text", "text", "text", "text", "text"};
        String entities = deltas("e", entityColumns, entityTypes, keys, changes.entities.values(), params);
        int m = changes.advertiserDays.size();
        String[][] dayKeys = new String[4][m];
        i = 0;
        for (AdvertiserDay k : changes.advertiserDays.keySet()) {
            dayKeys[0][i] = k.level().name();
            dayKeys[1][i] = k.day().toString();
            dayKeys[2][i] = k.advertiserId();
            dayKeys[3][i] = k.currency();
            i++;
        }
        String days = deltas("a", new String[] {"level", "day", "advertiser_id", "currency"},
                new String[] {"text", "date", "text", "text"}, dayKeys, changes.advertiserDays.values(), params);
        // the entity rows' day is their week's first day: in the week's bucket and in its month's; e holds one row per
        // week key and a one per advertiser-day key (summed here), so only the months are summed in SQL
        apply(workspaceId, "e AS (" + entities + "), a AS (" + days + ")", "e", "a", "0", params,
                java.util.EnumSet.of(Rollup.WEEKS, Rollup.ADVERTISER_DAYS));
    }

    /**
     * The rows of one delta relation of {@link #add}: keys and sums as arrays (parameters named after {@code name}),
     * unnested with the column names {@link #apply} reads.
     */
    private static String deltas(String name, String[] columns, String[] types, String[][] keys,
            java.util.Collection<Sums> sums, MapSqlParameterSource params) {
        int n = sums.size();
        long[] facts = new long[n];
        String[] spend = new String[n];
        long[][] counts = new long[Metric.COUNTS.size()][n];
        int i = 0;
        for (Sums s : sums) {
            facts[i] = s.facts;
            spend[i] = s.spend.toPlainString();
            for (int c = 0; c < counts.length; c++) {
                counts[c][i] = s.counts[c];
            }
            i++;
        }
        List<String> arrays = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            params.addValue(name + c, keys[c]);
            arrays.add("CAST(:" + name + c + " AS " + types[c] + "[])");
        }
        params.addValue(name + "Facts", facts).addValue(name + "Spend", spend);
        arrays.add("CAST(:" + name + "Facts AS bigint[])");
        arrays.add("CAST(:" + name + "Spend AS numeric[])");
        for (int c = 0; c < counts.length; c++) {
            params.addValue(name + "Count" + c, counts[c]);
            arrays.add("CAST(:" + name + "Count" + c + " AS bigint[])");
        }
        return "SELECT CAST(:ws AS uuid) AS workspace_id, * FROM unnest(" + String.join(", ", arrays) + ") AS " + name
                + " (" + String.join(", ", columns) + ", facts, " + String.join(", ", SUMS) + ")";
    }

    /**
     * Adds what the merge of {@code report_facts_staging} is about to change: for every staged row that differs from
     * the stored one (or is new), its values, minus the stored row's. Run before the merge, after the batch's days
     * were claimed in the finality ledger (which holds off any other writer of these days until commit). Rows whose
     * last fact moved to another key (a rename) are removed.
     */
    void addStagedChanges(WorkspaceId workspaceId) {
        String join = " FROM report_facts_staging s JOIN report_daily_facts f ON f.workspace_id = s.workspace_id"
                + " AND f.level = s.level AND f.stat_date = s.stat_date AND f.advertiser_id = s.advertiser_id"
                + " AND f.entity_id = s.entity_id WHERE (" + columns("f.", RELEVANT) + ") IS DISTINCT FROM ("
                + columns("s.", RELEVANT) + ")";
        String newRows = " FROM report_facts_staging s LEFT JOIN report_daily_facts f ON f.workspace_id = s.workspace_id"
                + " AND f.level = s.level AND f.stat_date = s.stat_date AND f.advertiser_id = s.advertiser_id"
                + " AND f.entity_id = s.entity_id WHERE f.entity_id IS NULL OR (" + columns("f.", RELEVANT)
                + ") IS DISTINCT FROM (" + columns("s.", RELEVANT) + ")";
        String delta = "SELECT " + FACT_KEY.replace("%s", "s") + ", 1 AS facts, " + columns("s.", SUMS) + newRows
                + " UNION ALL SELECT " + FACT_KEY.replace("%s", "f") + ", -1, "
                + String.join(", ", SUMS.stream().map(c -> "-f." + c).toList()) + join;
        apply(workspaceId, "d AS (" + delta + ")", "d", "d", "0", new MapSqlParameterSource("ws", workspaceId.value()),
                java.util.EnumSet.noneOf(Rollup.class));
    }

    /**
     * Deletes daily facts and takes them out of every rollup, in one statement: {@code delete} is a
     * {@code DELETE FROM} a facts table {@code … RETURNING *} of the workspace's rows (with its own parameters).
     * Rollup rows left with no fact are deleted after it: run both in one transaction. Returns the facts deleted.
     */
    long deleteFacts(WorkspaceId workspaceId, String delete, MapSqlParameterSource params) {
        String gone = "gone AS (" + delete + "), d AS (SELECT " + FACT_KEY.replace("%s", "g") + ", -1 AS facts, "
                + String.join(", ", SUMS.stream().map(c -> "-g." + c + " AS " + c).toList()) + " FROM gone g)";
        return apply(workspaceId, gone, "d", "d", "(SELECT count(*) FROM gone)", params.addValue("ws", workspaceId.value()),
                java.util.EnumSet.noneOf(Rollup.class));
    }

    /** The key columns of a fact row of alias %s, its day as {@code day}, as the delta relations of {@link #apply} have them. */
    private static final String FACT_KEY = "%s.workspace_id, %s.level, %s.stat_date AS day, %s.advertiser_id, %s.entity_id,"
            + " %s.currency, %s.campaign_id, %s.adgroup_id, %s.entity_name";

    /**
     * One statement that adds delta rows to every rollup: {@code with} defines relations of rows with the workspace,
     * level, {@code day}, advertiser, currency, facts and sums, {@code entities} (also with the entity, parents and
     * name) for the per-entity rollups and {@code advertiserDays} for the per-advertiser one (a row's {@code day} is
     * a day of its facts, or for the per-entity rollups any day of the same week). Each rollup gets the deltas summed
     * per its key (not summed again for the rollups in {@code perKey}, whose source has one row per key already), in
     * key order (two writers of different days of one bucket lock its rows in the same order). Then the rows left with
     * no fact (a renamed entity's old name, deleted days) are deleted. Returns {@code count}.
     */
    private long apply(WorkspaceId workspaceId, String with, String entities, String advertiserDays, String count,
            MapSqlParameterSource params, java.util.Set<Rollup> perKey) {
        StringBuilder sql = new StringBuilder("WITH ").append(with);
        List<String> emptied = new ArrayList<>();
        for (Rollup rollup : Rollup.values()) {
            String source = rollup == Rollup.ADVERTISER_DAYS ? advertiserDays : entities;
            String name = "u" + rollup.ordinal();
            sql.append(", ").append(name).append(" AS (INSERT INTO ").append(rollup.table).append(" (workspace_id, ")
                    .append(rollup.key).append(", facts, ").append(String.join(", ", SUMS)).append(") SELECT d.workspace_id, ")
                    .append(rollup.keyOf("d", "d.day"));
            if (perKey.contains(rollup)) {
                sql.append(", d.facts, ").append(columns("d.", SUMS)).append(" FROM ").append(source).append(" d");
            } else {
                sql.append(", sum(d.facts), ").append(String.join(", ", SUMS.stream().map(c -> "sum(d." + c + ")").toList()))
                        .append(" FROM ").append(source).append(" d GROUP BY ").append(rollup.keyPositions())
                        .append(" HAVING sum(d.facts) <> 0 OR ")
                        .append(String.join(" OR ", SUMS.stream().map(c -> "sum(d." + c + ") <> 0").toList()));
            }
            sql.append(" ORDER BY ").append(rollup.keyPositions()).append(rollup.upsert())
                    .append(" RETURNING facts, ").append(rollup.bucket).append(" AS bucket)");
            emptied.add("ARRAY(SELECT DISTINCT bucket::text FROM " + name + " WHERE facts = 0)");
        }
        sql.append(" SELECT ").append(count).append(" AS n, ").append(String.join(", ", emptied));
        long[] n = {0};
        List<String[]> buckets = new ArrayList<>();
        jdbc.sql(sql.toString()).paramSource(params).query(rs -> {
            n[0] = rs.getLong(1);
            for (int r = 0; r < Rollup.values().length; r++) {
                buckets.add(strings(rs.getArray(2 + r)));
            }
        });
        for (Rollup rollup : Rollup.values()) {
            String[] empty = buckets.get(rollup.ordinal());
            if (empty.length > 0) {
                jdbc.sql("DELETE FROM " + rollup.table + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                                + " AND " + rollup.bucket + " = ANY(CAST(:buckets AS date[])) AND facts = 0")
                        .param("ws", workspaceId.value()).param("levels", levels()).param("buckets", empty)
                        .update();
            }
        }
        return n[0];
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /** The columns whose change the merge writes: every value it compares (FactWriter's merge). */
    private static final List<String> RELEVANT = relevant();

    private static List<String> relevant() {
        List<String> columns = new ArrayList<>(SUMS);
        columns.addAll(List.of("reach", "currency", "campaign_id", "adgroup_id", "entity_name"));
        return List.copyOf(columns);
    }

    private static String columns(String prefix, List<String> columns) {
        return String.join(", ", columns.stream().map(c -> prefix + c).toList());
    }

    private static String[] levels() {
        return Arrays.stream(ReportLevel.values()).map(Enum::name).toArray(String[]::new);
    }

    /**
     * Rolls the buckets holding {@code from..to} up again from the daily facts (after facts were written or deleted
     * around the writer), in every rollup: the workspace's rows of those buckets are replaced. Runs in the caller's
     * transaction.
     */
    void rebuild(WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        for (Rollup rollup : Rollup.values()) {
            rebuild(rollup, workspaceId, from, to);
        }
    }

    private void rebuild(Rollup rollup, WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        LocalDate first = rollup.start(from);
        LocalDate last = rollup.end(to);
        jdbc.sql("DELETE FROM " + rollup.table + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                        + " AND " + rollup.bucket + " BETWEEN :first AND :last")
                .param("ws", workspaceId.value()).param("levels", levels()).param("first", first).param("last", last)
                .update();
        jdbc.sql("INSERT INTO " + rollup.table + " (workspace_id, " + rollup.key + ", facts, " + String.join(", ", SUMS) + ")"
                        + " SELECT f.workspace_id, " + rollup.keyOf("f", "f.stat_date") + ", count(*), "
                        + String.join(", ", SUMS.stream().map(c -> "sum(f." + c + ")").toList())
                        + " FROM report_daily_facts f WHERE f.workspace_id = :ws AND f.level = ANY(CAST(:levels AS text[]))"
                        + " AND f.stat_date BETWEEN :first AND :last GROUP BY " + rollup.keyPositions()
                        + " ORDER BY " + rollup.keyPositions())
                .param("ws", workspaceId.value()).param("levels", levels()).param("first", first).param("last", last)
                .update();
    }

    /**
     * After a facts partition of {@code from} (null: unbounded) to {@code to} (exclusive) was dropped: the
     * workspace's buckets inside it go, a bucket reaching across its ends is rolled up again.
     */
    void forgetPartition(WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(1, 1, 1) : from;
        for (Rollup rollup : Rollup.values()) {
            jdbc.sql("DELETE FROM " + rollup.table + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                            + " AND " + rollup.bucket + " >= :from AND " + rollup.bucket + " < :to")
                    .param("ws", workspaceId.value()).param("levels", levels()).param("from", rollup.start(start))
                    .param("to", to).update();
            if (from != null && !rollup.start(from).equals(from)) {
                rebuild(rollup, workspaceId, from.minusDays(1), from.minusDays(1));
            }
            if (!rollup.start(to).equals(to)) {
                rebuild(rollup, workspaceId, to, to);
            }
        }
    }
}
