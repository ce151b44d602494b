package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a pull of facts (one advertiser's window, all levels) in one transaction, with the finality ledger (per
 * advertiser and day: pulls, rows changed, spend and conversions delta at advertiser level) in the same transaction.
 *
 * <p>Rows are collected in a {@link Batch} page by page, encoded for binary COPY as they come (see
 * {@link FactCopyBuffer}). At commit, days never pulled before (a backfill, the new day of a daily sync) take the
 * append path: their ledger rows are inserted first (which claims the days: facts of a day are only ever written
 * with its ledger row), then the rows are COPYed straight into {@code report_daily_facts}. If any day of the batch
 * is known (or the append meets an existing row after all), everything is undone to a savepoint and the batch takes
 * the merge path: COPY into a temporary staging table, the ledger from a comparison with the stored rows, and one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE ... IS DISTINCT FROM ...} that rewrites only rows whose values
 * changed, so a re-pull of unchanged numbers writes no fact row and reports 0 rows changed. Either path keeps the
 * weekly rollup ({@link FactRollups}) in the same transaction from the batch's own changes.
 */
@Component
public class FactWriter {

    private static final Logger log = LoggerFactory.getLogger(FactWriter.class);

    /** Rows held in memory per batch before they spill to a temporary file (about 110,000 rows). */
    static final long SPILL_BYTES = 16L << 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FactPartitions partitions;
    private final FactRollups rollups;
    long spillBytes = SPILL_BYTES;

    FactWriter(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            FactPartitions partitions, FactRollups rollups) {
        this.dataSource = dataSource;
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Writes the rows in one transaction; returns how many fact rows were inserted or changed. */
    public int write(WorkspaceId workspaceId, List<FactRow> rows, Instant now) {
        try (Batch batch = open(workspaceId, now)) {
            rows.forEach(batch::add);
            return batch.commit();
        }
    }

    /** A batch to fill page by page and commit once; close it in any case (it may hold a temporary file). */
    public Batch open(WorkspaceId workspaceId, Instant now) {
        return open(workspaceId, now, row -> log.warn("Skipped the {} fact of {} on {}: values that cannot be stored",
                row.level(), row.entityId(), row.date()));
    }

    /**
     * A batch whose rows PostgreSQL could not take (text with a NUL character or an unpaired surrogate, a date out
     * of range) are not added but handed to {@code rejected}: one such row fails only itself, not the batch.
     */
    public Batch open(WorkspaceId workspaceId, Instant now, Consumer<FactRow> rejected) {
        return new Batch(workspaceId, now, rejected);
    }

    /** True if every text and date of the row can be stored (checked before it is encoded for COPY). */
    static boolean storable(FactRow row) {
        return StorableValues.isStorable(row.entityId()) && StorableValues.isStorable(row.advertiserId())
                && StorableValues.isStorable(row.campaignId()) && StorableValues.isStorable(row.adgroupId())
                && StorableValues.isStorable(row.entityName()) && StorableValues.isStorable(row.currency())
                && StorableValues.isStorable(row.date());
    }

    /** The rows of one pull, encoded as they are added; nothing touches the database before {@link #commit}. */
    public final class Batch implements AutoCloseable {

        private final WorkspaceId workspaceId;
        private final Instant now;
        private final FactCopyBuffer buffer;
        private final Map<Day, Tally> days = new LinkedHashMap<>();
        private final FactRollups.Changes rollupChanges = new FactRollups.Changes();
        private final Consumer<FactRow> rejected;
        private boolean committed;

        private Batch(WorkspaceId workspaceId, Instant now, Consumer<FactRow> rejected) {
            this.workspaceId = workspaceId;
            this.now = now;
            this.rejected = rejected;
            this.buffer = new FactCopyBuffer(workspaceId, now, spillBytes);
        }

        public void add(FactRow row) {
            if (committed) {
                throw new IllegalStateException("The batch was committed");
            }
            if (!storable(row)) {
                rejected.accept(row);
                return;
            }
            buffer.add(row);
            rollupChanges.add(row);   // the weekly rollup's share of a batch of new days (FactRollups)
            Tally tally = days.computeIfAbsent(new Day(row.advertiserId(), row.date()), d -> new Tally());
            tally.rows++;
            if (row.level() == ReportLevel.ADVERTISER) {
                BigDecimal spend = row.spend().scale() > 6 ? row.spend().setScale(6, RoundingMode.HALF_UP) : row.spend();
                tally.spend = tally.spend.add(spend);
                tally.conversions += row.conversions();
            }
        }

        public long rows() {
            return buffer.rows();
        }

        boolean spilled() {
            return buffer.spilled();
        }

        /** Writes the batch in one transaction; returns how many fact rows were inserted or changed. */
        public int commit() {
            if (committed) {
                throw new IllegalStateException("The batch was committed");
            }
            committed = true;
            if (buffer.rows() == 0) {
                return 0;
            }
            // months a backfill reaches may have no partition yet (the daily task creates only the current ones);
            // created before the write's transaction, which must not hold the parent's lock
            partitions.ensure(days.keySet().stream().map(d -> java.time.YearMonth.from(d.date())).distinct().toList());
            Integer changed = transactions.execute(status -> write());
            return changed == null ? 0 : changed;
        }

        @Override
        public void close() {
            buffer.close();
        }

        private int write() {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                try (Statement statement = connection.createStatement()) {
                    // Safe to commit asynchronously: the job's checkpoint is committed synchronously after the
                    // advertiser's windows and WAL is flushed in order, so a crash never keeps a checkpoint whose
                    // facts were lost (and a lost window is pulled again, idempotently). Sent with the savepoint in
                    // one round trip; the commit releases the savepoint (round trips are a measurable part of a
                    // batch's write, docs/benchmarks.md "Reporting ingestion").
                    statement.execute("SET LOCAL synchronous_commit = off; SAVEPOINT fact_append");
                }
                if (claimNewDays()) {
                    try {
                        buffer.copyInto(connection, "report_daily_facts");
                        rollups.add(workspaceId, rollupChanges);
                        return Math.toIntExact(buffer.rows());
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                        // A row of a "new" day exists after all (or the batch repeats a row): merge instead.
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK TO SAVEPOINT fact_append");
                }
                return merge(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write report facts", e);
            }
        }

        /**
         * Inserts the ledger rows of a first pull for every day of the batch, unless one exists: true if all were
         * new (then no fact row of these days can exist, and none can be written concurrently).
         */
        private boolean claimNewDays() {
            int n = days.size();
            String[] advertisers = new String[n];
            String[] dates = new String[n];
            long[] rows = new long[n];
            String[] spend = new String[n];
            long[] conversions = new long[n];
            int i = 0;
            for (Map.Entry<Day, Tally> e : days.entrySet()) {
                advertisers[i] = e.getKey().advertiserId();
                dates[i] = e.getKey().date().toString();
                rows[i] = e.getValue().rows;
                spend[i] = e.getValue().spend.toPlainString();
                conversions[i] = e.getValue().conversions;
                i++;
            }
            int inserted = jdbc.sql("""
                            INSERT INTO report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at,
                                                         last_pulled_at, pull_count, last_rows_changed, last_spend_delta,
                                                         last_conversions_delta)
                            SELECT :ws, d.advertiser_id, d.stat_date, :now, :now, 1, d.n, d.spend, d.conversions
                            FROM unnest(CAST(:advertisers AS text[]), CAST(:dates AS date[]), CAST(:rows AS bigint[]),
                                        CAST(:spend AS numeric[]), CAST(:conversions AS bigint[]))
                                 AS d (advertiser_id, stat_date, n, spend, conversions)
                            ON CONFLICT (workspace_id, advertiser_id, stat_date) DO NOTHING""")
                    .param("ws", workspaceId.value()).param("now", Timestamp.from(now))
                    .param("advertisers", advertisers).param("dates", dates).param("rows", rows)
                    .param("spend", spend).param("conversions", conversions)
                    .update();
            return inserted == n;
        }

        private int merge(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS report_facts_staging
                            (LIKE report_daily_facts INCLUDING DEFAULTS) ON COMMIT DELETE ROWS""");
            }
            buffer.copyInto(connection, "report_facts_staging");
            jdbc.sql("""
                            INSERT INTO report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at, last_pulled_at,
                                                         pull_count, last_rows_changed, last_spend_delta, last_conversions_delta)
                            SELECT s.workspace_id, s.advertiser_id, s.stat_date, :now, :now, 1,
                                   count(*) FILTER (WHERE f.entity_id IS NULL OR (f.spend, f.impressions, f.clicks, f.conversions,
                                       f.results, f.video_views, f.reach) IS DISTINCT FROM (s.spend, s.impressions, s.clicks,
                                       s.conversions, s.results, s.video_views, s.reach)),
                                   coalesce(sum(s.spend - coalesce(f.spend, 0)) FILTER (WHERE s.level = 'ADVERTISER'), 0),
                                   coalesce(sum(s.conversions - coalesce(f.conversions, 0)) FILTER (WHERE s.level = 'ADVERTISER'), 0)
                            FROM report_facts_staging s
                            LEFT JOIN report_daily_facts f
                                   ON f.workspace_id = s.workspace_id AND f.level = s.level AND f.stat_date = s.stat_date
                                  AND f.advertiser_id = s.advertiser_id AND f.entity_id = s.entity_id
                            GROUP BY s.workspace_id, s.advertiser_id, s.stat_date
                            ON CONFLICT (workspace_id, advertiser_id, stat_date) DO UPDATE
                               SET last_pulled_at = EXCLUDED.last_pulled_at,
                                   pull_count = report_finality.pull_count + 1,
                                   last_rows_changed = EXCLUDED.last_rows_changed,
                                   last_spend_delta = EXCLUDED.last_spend_delta,
                                   last_conversions_delta = EXCLUDED.last_conversions_delta""")
                    .param("now", Timestamp.from(now)).update();
            rollups.addStagedChanges(workspaceId);   // before the merge: it diffs the staged rows with the stored ones
            return jdbc.sql(MERGE).update();
        }
    }

    /**
     * The merge of the staged rows: inserts new facts, rewrites only those whose numbers, names or parents changed
     * (so a re-pull of an unchanged window writes nothing). Built from the column list of the COPY.
     */
    private static final String MERGE = merge();

    private static String merge() {
        List<String> values = new java.util.ArrayList<>(List.of("spend", "impressions", "clicks", "conversions",
                "results", "video_views"));
        FactRow.ENGAGEMENT.forEach(m -> values.add(m.column()));
        values.addAll(List.of("reach", "currency", "campaign_id", "adgroup_id", "entity_name"));
        return "INSERT INTO report_daily_facts (" + FactCopyBuffer.COLUMNS + ") SELECT " + FactCopyBuffer.COLUMNS
                + " FROM report_facts_staging"
                + " ON CONFLICT (workspace_id, level, stat_date, advertiser_id, entity_id) DO UPDATE SET "
                + String.join(", ", values.stream().map(c -> c + " = EXCLUDED." + c).toList())
                + ", pulled_at = EXCLUDED.pulled_at WHERE ("
                + String.join(", ", values.stream().map(c -> "report_daily_facts." + c).toList())
                + ") IS DISTINCT FROM ("
                + String.join(", ", values.stream().map(c -> "EXCLUDED." + c).toList()) + ")";
    }

    private record Day(String advertiserId, LocalDate date) {
    }

    private static final class Tally {
        long rows;
        BigDecimal spend = BigDecimal.ZERO;
        long conversions;
    }
}
