package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The weekly rollup of the daily facts ({@code report_fact_rollups}, docs/reporting.md, "Rollups"): per entity and
 * bucket (a Monday-to-Sunday week cut at month boundaries) the sums of its facts' additive bases, with the attributes
 * reports group and filter by in the key. Kept in the fact writer's transaction from the batch's own changes, never
 * by re-reading the days: a batch of new days adds its rows ({@link Changes}, summed in memory as the rows are
 * added); a merge adds, before it runs, the difference between the staged rows and the stored ones it will replace
 * ({@link #addStagedChanges}). Deletions of facts (retention, partition drops) correct the buckets they touch.
 */
@Component
class FactRollups {

    static final String TABLE = "report_fact_rollups";
    /** The additive bases, as columns of the facts and of the rollup. */
    static final List<String> SUMS = sums();
    /** The key after the workspace. */
    static final String KEY = "level, bucket_start, advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name";

    private static List<String> sums() {
        List<String> sums = new ArrayList<>(List.of("spend"));
        Metric.COUNTS.forEach(m -> sums.add(m.column()));
        return List.copyOf(sums);
    }

    /** The SQL of a day's bucket: {@link #bucketStart} in SQL. */
    static String bucketSql(String day) {
        // on timestamp, not timestamptz (which a date would become): no session time zone in the bucket
        return "greatest(date_trunc('week', CAST(" + day + " AS timestamp)), date_trunc('month', CAST(" + day
                + " AS timestamp)))::date";
    }

    /** The first day of the bucket holding {@code day}: its week's Monday, or the 1st if the month began later. */
    static LocalDate bucketStart(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = day.withDayOfMonth(1);
        return monday.isBefore(first) ? first : monday;
    }

    /** The last day of the bucket holding {@code day}: its week's Sunday, or the month's last day if sooner. */
    static LocalDate bucketEnd(LocalDate day) {
        LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
        return sunday.isAfter(last) ? last : sunday;
    }

    /**
     * How a range {@code from..to} splits: the whole buckets inside it (first bucket's start to the last one's end),
     * read from the rollup, and the days before and after them, read from the daily facts. Empty when no bucket lies
     * wholly inside the range.
     */
    record Split(LocalDate from, LocalDate rollupFrom, LocalDate rollupTo, LocalDate to) {

        static Optional<Split> of(LocalDate from, LocalDate to) {
            LocalDate first = bucketStart(from).equals(from) ? from : bucketEnd(from).plusDays(1);
            LocalDate last = bucketEnd(to).equals(to) ? to : bucketStart(to).minusDays(1);
            return first.isAfter(last) ? Optional.empty() : Optional.of(new Split(from, first, last, to));
        }

        boolean leadingDays() {
            return from.isBefore(rollupFrom);
        }

        boolean trailingDays() {
            return to.isAfter(rollupTo);
        }

        /** The last bucket's first day (the rollup's key holds starts). */
        LocalDate lastBucket() {
            return bucketStart(rollupTo);
        }
    }

    private final JdbcClient jdbc;

    FactRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch's facts summed per rollup row, as they are added (all new facts: the append path). */
    static final class Changes {

        private final Map<Key, Sums> rows = new HashMap<>();

        void add(FactRow row) {
            Key key = new Key(row.level(), bucketStart(row.date()), row.advertiserId(), row.entityId(), row.currency(),
                    row.campaignId(), row.adgroupId(), row.entityName());
            rows.computeIfAbsent(key, k -> new Sums()).add(row);
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private record Key(ReportLevel level, LocalDate bucket, String advertiserId, String entityId, String currency,
            String campaignId, String adgroupId, String entityName) {
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

    /** Adds the changes of a batch of new facts to the rollup (in the caller's transaction). */
    void add(WorkspaceId workspaceId, Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.rows.size();
        String[][] keys = new String[8][n];
        long[] facts = new long[n];
        String[] spend = new String[n];
        long[][] counts = new long[Metric.COUNTS.size()][n];
        int i = 0;
        for (Map.Entry<Key, Sums> e : changes.rows.entrySet()) {
            Key k = e.getKey();
            keys[0][i] = k.level().name();
            keys[1][i] = k.bucket().toString();
            keys[2][i] = k.advertiserId();
            keys[3][i] = k.entityId();
            keys[4][i] = k.currency();
            keys[5][i] = k.campaignId();
            keys[6][i] = k.adgroupId();
            keys[7][i] = k.entityName();
            Sums s = e.getValue();
            facts[i] = s.facts;
            spend[i] = s.spend.toPlainString();
            for (int c = 0; c < counts.length; c++) {
                counts[c][i] = s.counts[c];
            }
            i++;
        }
        StringBuilder arrays = new StringBuilder("CAST(:level AS text[]), CAST(:bucket AS date[]), CAST(:advertiser AS text[]),"
                + " CAST(:entity AS text[]), CAST(:currency AS text[]), CAST(:campaign AS text[]), CAST(:adgroup AS text[]),"
                + " CAST(:name AS text[]), CAST(:facts AS bigint[]), CAST(:spend AS numeric[])");
        for (Metric m : Metric.COUNTS) {
            arrays.append(", CAST(:").append(m.column()).append(" AS bigint[])");
        }
        var statement = jdbc.sql("INSERT INTO " + TABLE + " (workspace_id, " + KEY + ", facts, " + String.join(", ", SUMS)
                        + ") SELECT CAST(:ws AS uuid), * FROM unnest(" + arrays + ") ORDER BY 2, 3, 4, 5, 6, 7, 8, 9"
                        + upsert())
                .param("ws", workspaceId.value())
                .param("level", keys[0]).param("bucket", keys[1]).param("advertiser", keys[2]).param("entity", keys[3])
                .param("currency", keys[4]).param("campaign", keys[5]).param("adgroup", keys[6]).param("name", keys[7])
                .param("facts", facts).param("spend", spend);
        for (int c = 0; c < counts.length; c++) {
            statement = statement.param(Metric.COUNTS.get(c).column(), counts[c]);
        }
        statement.update();
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
        String delta = "SELECT s.workspace_id, " + keyOf("s") + ", 1 AS facts, " + columns("s.", SUMS) + newRows
                + " UNION ALL SELECT f.workspace_id, " + keyOf("f") + ", -1, "
                + String.join(", ", SUMS.stream().map(c -> "-f." + c).toList()) + join;
        String summed = "SELECT workspace_id, " + KEY + ", sum(facts), "
                + String.join(", ", SUMS.stream().map(c -> "sum(" + c + ")").toList())
                + " FROM (" + delta + ") d GROUP BY workspace_id, " + KEY
                + " HAVING sum(facts) <> 0 OR " + String.join(" OR ", SUMS.stream().map(c -> "sum(" + c + ") <> 0").toList())
                + " ORDER BY workspace_id, " + KEY;
        List<LocalDate> emptied = jdbc.sql("WITH up AS (INSERT INTO " + TABLE + " (workspace_id, " + KEY + ", facts, "
                        + String.join(", ", SUMS) + ") " + summed + upsert() + " RETURNING facts, bucket_start)"
                        + " SELECT DISTINCT bucket_start FROM up WHERE facts = 0")
                .query(LocalDate.class).list();
        if (!emptied.isEmpty()) {
            jdbc.sql("DELETE FROM " + TABLE + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                            + " AND bucket_start = ANY(CAST(:buckets AS date[])) AND facts = 0")
                    .param("ws", workspaceId.value()).param("levels", levels())
                    .param("buckets", emptied.stream().map(LocalDate::toString).toArray(String[]::new))
                    .update();
        }
    }

    /** The columns whose change the merge writes: every value it compares (FactWriter's merge). */
    private static final List<String> RELEVANT = relevant();

    private static List<String> relevant() {
        List<String> columns = new ArrayList<>(SUMS);
        columns.addAll(List.of("reach", "currency", "campaign_id", "adgroup_id", "entity_name"));
        return List.copyOf(columns);
    }

    private static String keyOf(String alias) {
        return alias + ".level, " + bucketSql(alias + ".stat_date") + " AS bucket_start, " + alias + ".advertiser_id, "
                + alias + ".entity_id, " + alias + ".currency, " + alias + ".campaign_id, " + alias + ".adgroup_id, "
                + alias + ".entity_name";
    }

    private static String columns(String prefix, List<String> columns) {
        return String.join(", ", columns.stream().map(c -> prefix + c).toList());
    }

    private static String upsert() {
        return " ON CONFLICT ON CONSTRAINT report_fact_rollups_key DO UPDATE SET facts = " + TABLE + ".facts + EXCLUDED.facts, "
                + String.join(", ", SUMS.stream().map(c -> c + " = " + TABLE + "." + c + " + EXCLUDED." + c).toList());
    }

    private static String[] levels() {
        return java.util.Arrays.stream(ReportLevel.values()).map(Enum::name).toArray(String[]::new);
    }

    /**
     * Rolls the buckets holding {@code from..to} up again from the daily facts (after facts were deleted): the
     * workspace's rows of those buckets are replaced. Runs in the caller's transaction.
     */
    void rebuild(WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        LocalDate first = bucketStart(from);
        LocalDate last = bucketEnd(to);
        jdbc.sql("DELETE FROM " + TABLE + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                        + " AND bucket_start BETWEEN :first AND :last")
                .param("ws", workspaceId.value()).param("levels", levels()).param("first", first).param("last", last)
                .update();
        jdbc.sql("INSERT INTO " + TABLE + " (workspace_id, " + KEY + ", facts, " + String.join(", ", SUMS) + ")"
                        + " SELECT f.workspace_id, " + keyOf("f") + ", count(*), "
                        + String.join(", ", SUMS.stream().map(c -> "sum(f." + c + ")").toList())
                        + " FROM report_daily_facts f WHERE f.workspace_id = :ws AND f.level = ANY(CAST(:levels AS text[]))"
                        + " AND f.stat_date BETWEEN :first AND :last GROUP BY f.workspace_id, " + KEY)
                .param("ws", workspaceId.value()).param("levels", levels()).param("first", first).param("last", last)
                .update();
    }

    /**
     * After the workspace's facts before {@code before} were deleted: drops its buckets that end before that day
     * and, if facts were deleted, rolls up the one holding it again (it lost its first days).
     */
    void forgetBefore(WorkspaceId workspaceId, LocalDate before, boolean factsDeleted) {
        jdbc.sql("DELETE FROM " + TABLE + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                        + " AND bucket_start < :start")
                .param("ws", workspaceId.value()).param("levels", levels()).param("start", bucketStart(before))
                .update();
        if (factsDeleted && !bucketStart(before).equals(before)) {
            rebuild(workspaceId, before, before);
        }
    }

    /**
     * After a facts partition of {@code from} (null: unbounded) to {@code to} (exclusive) was dropped: the
     * workspace's buckets inside it go, a bucket reaching across its ends is rolled up again.
     */
    void forgetPartition(WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(1, 1, 1) : from;
        jdbc.sql("DELETE FROM " + TABLE + " WHERE workspace_id = :ws AND level = ANY(CAST(:levels AS text[]))"
                        + " AND bucket_start >= :from AND bucket_start < :to")
                .param("ws", workspaceId.value()).param("levels", levels()).param("from", bucketStart(start))
                .param("to", to).update();
        if (from != null && !bucketStart(from).equals(from)) {
            rebuild(workspaceId, from.minusDays(1), from.minusDays(1));
        }
        if (!bucketStart(to).equals(to)) {
            rebuild(workspaceId, to, to);
        }
    }
}
