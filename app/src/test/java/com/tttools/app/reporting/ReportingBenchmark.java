package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.database.TenantScope;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.reporting.internal.FactCopyBuffer;
import com.tttools.app.reporting.internal.FactRow;
import com.tttools.app.reporting.internal.FactWriter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementLog;
import com.tttools.app.support.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporting speed benchmark of docs/benchmarks.md (issue 9, point 7), skipped unless {@code -Dbench=true} (and not
 * picked up by the normal suite: its name does not end in Test). Run it alone:
 * {@code mvn -q -o -pl tiktok-simulator,app verify -Dbench=true -Dtest=ReportingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m}. Results are printed as lines starting with "BENCH".
 *
 * <p>A seeded generator ({@link SplittableRandom}, seed {@value #SEED}) builds 100 workspaces of TikTok-shaped daily
 * facts over {@value #DAYS} days at all four levels (advertisers with their currency, zero-decimal ones included;
 * campaigns, ad groups and ads with their own flights; parents are the sums of their children). The first workspace
 * is a big one (over 1,000,000 ad-day rows) owned by a real user, for the CSV export through the HTTP endpoint. Then:
 * (a) every batch (one advertiser × one 30-day window × four levels, as the sync writes them) goes through
 * {@link FactWriter#write}, interleaved with a COPY of the same rows in the same encoding into an unindexed table, and
 * a few workspaces are written again unchanged; (b) report queries through {@link Reports#run}; (c) the CSV export
 * over HTTP while the heap is sampled. Everything the benchmark wrote is deleted at the end.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ReportingBenchmark extends IntegrationTest {

    static final long SEED = 20_261_129L;
    static final int DAYS = 180;
    static final int WINDOW_DAYS = 30;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 5, 1);
    static final LocalDate LAST_DAY = FIRST_DAY.plusDays(DAYS - 1);
    static final Instant PULLED_AT = Instant.parse("2026-10-29T04:30:00Z");
    static final List<Metric> METRICS = List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS, Metric.CONVERSIONS,
            Metric.CTR, Metric.CPC, Metric.CPM, Metric.COST_PER_CONVERSION);

    /** Trial runs only: a smaller world (the recorded figures use the defaults). */
    static final int WORKSPACES = Integer.getInteger("bench.workspaces", 100);
    static final double SIZE = Double.parseDouble(System.getProperty("bench.size", "1"));
    static final int QUERY_RUNS = Integer.getInteger("bench.queryRuns", 300);
    /**
     * Trial runs only: skip phases ("rewrite,explain,queries,rollup,rls,csv"; the ingestion always runs, interleaved with
     * its raw COPY anchor) or keep the rows for a look afterwards. Smaller rounds: {@code bench.roundBatches},
     * {@code bench.csvRounds}, {@code bench.rlsRounds}.
     */
    static final List<String> SKIP = List.of(System.getProperty("bench.skip", "").split(","));
    static final boolean KEEP = Boolean.getBoolean("bench.keep");
    /**
     * Server settings for the run's own database, e.g. the embedded server's (docs/operations.md):
     * {@code -Dbench.pgSettings=random_page_cost=1.1,work_mem=16MB}. Set with {@code ALTER DATABASE} before anything
     * else; the pool's connections are replaced so that every session has them.
     */
    static final String PG_SETTINGS = System.getProperty("bench.pgSettings", "");

    @Autowired
    FactWriter writer;
    @Autowired
    Reports reports;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    private final LoadSampler load = new LoadSampler();

    @Test
    void reportingSpeed() throws Exception {
        long started = System.nanoTime();
        Thread loadThread = daemon(load, "bench-load");
        databaseSettings();
        printMachine();
        long rowsBefore = jdbc.sql("SELECT count(*) FROM report_daily_facts").query(Long.class).single();

        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("bench-reports");
        String org = tenants.createOrganization(owner, "Benchmark Org");
        WorkspaceId big = WorkspaceId.of(tenants.createWorkspace(owner, org, "Benchmark big workspace"));
        String token = Tenants.expect(owner.api().post("/api/v1/me/tokens", Map.of("name", "benchmark", "readOnly", true)),
                201).json().get("token").asString();
        World world = new World(big);
        System.out.printf("BENCH world: %d workspaces, %d advertisers (%s), %d campaigns, %d ad groups, %d ads, %d days"
                        + " (%s to %s), seed %d%n", world.workspaces.size(), world.advertisers(), world.currencyMix(),
                world.count(a -> a.campaigns.length), world.count(a -> a.adgroups.length), world.count(a -> a.ads.length),
                DAYS, FIRST_DAY, LAST_DAY, SEED);
        if (Boolean.getBoolean("bench.dry")) {
            dryRun(world);
            return;
        }
        try {
            interleavedIngestion(world);
            if (!SKIP.contains("rewrite")) {
                rewriteUnchanged(world);
            }
            world.forgetTrees();
            analyze();
            if (!SKIP.contains("queries")) {
                queries(world);
            }
            if (!SKIP.contains("rollup")) {
                rollupComparison(world);
            }
            if (!SKIP.contains("rls")) {
                rowLevelSecurity(world);
            }
            if (!SKIP.contains("csv")) {
                csvExport(world, big, token);
            }
        } finally {
            if (!KEEP) {
                cleanUp(world, rowsBefore == 0);
            }
            load.stop();
            loadThread.join();
            System.out.printf("BENCH total run time: %.1f min%n", (System.nanoTime() - started) / 60e9);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Counts what would be written (to size the world), writes nothing. */
    private static void dryRun(World world) {
        long t = System.nanoTime();
        long[] rows = {0};
        long[] bigAd = {0};
        int[] maxBatch = {0};
        world.forEachBatch((workspace, batch) -> {
            rows[0] += batch.size();
            maxBatch[0] = Math.max(maxBatch[0], batch.size());
            if (workspace.equals(world.workspaces.get(0).id)) {
                bigAd[0] += batch.stream().filter(r -> r.level() == ReportLevel.AD).count();
            }
        });
        System.out.printf("BENCH dry run: %,d rows (max batch %,d), big workspace %,d AD rows; generated in %.1f s%n",
                rows[0], maxBatch[0], bigAd[0], (System.nanoTime() - t) / 1e9);
    }

    // ---------------------------------------------------------------- (a) ingestion

    /** Batches per A/B round of the interleaved ingestion (each round gives one ratio). */
    static final int ROUND_BATCHES = Integer.getInteger("bench.roundBatches", 100);
    /**
     * Diagnosis only ({@code -Dbench.keyedAnchor=true}): a third side, the same COPY into a copy of
     * {@code report_daily_facts} with its partitions and key, which splits the writer's cost into the key's (keyed COPY
     * against raw COPY) and the write protocol's (ledger, transaction, savepoint; the writer against the keyed COPY).
     */
    static final boolean KEYED_ANCHOR = Boolean.getBoolean("bench.keyedAnchor");

    /**
     * (a) The anchor and the subject interleaved, batch by batch, so that whatever else loads the machine hits both
     * alike: each batch is first COPYed, encoded exactly as {@link FactWriter} encodes it, into an unindexed plain
     * table (one COPY and one commit, {@code synchronous_commit = off} like the writer's transactions), then written
     * through {@link FactWriter#write} (the append path); every other batch the
     * other way round (with the keyed anchor, the three sides rotate). Both are timed around the call (encoding
     * included, generating the rows excluded). Every {@value #ROUND_BATCHES} batches make a round with its own ratio;
     * the spread of the rounds' ratios is printed.
     */
    private double interleavedIngestion(World world) throws SQLException {
        checkpoint();
        load.phase("ingestion, interleaved with raw COPY");
        int sides = KEYED_ANCHOR ? 3 : 2;   // 0 raw COPY, 1 FactWriter, 2 keyed COPY
        long[] rows = {0};
        long[] changed = {0};
        long[] nanos = new long[sides];
        long[] batches = {0};
        int[] maxBatch = {0};
        long[] wal = new long[sides];
        List<double[]> rounds = new ArrayList<>();
        long[] round = new long[1 + sides];   // rows, then nanos per side
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_facts");
            statement.execute("CREATE TABLE bench_raw_facts (LIKE report_daily_facts)");
            if (KEYED_ANCHOR) {
                statement.execute("DROP TABLE IF EXISTS bench_keyed_facts");
                statement.execute("CREATE TABLE bench_keyed_facts (LIKE report_daily_facts INCLUDING CONSTRAINTS"
                        + " INCLUDING INDEXES) PARTITION BY RANGE (stat_date)");
                for (LocalDate month = FIRST_DAY.withDayOfMonth(1); !month.isAfter(LAST_DAY); month = month.plusMonths(1)) {
                    statement.execute("CREATE TABLE bench_keyed_facts_" + month.getYear() + "_" + month.getMonthValue()
                            + " PARTITION OF bench_keyed_facts FOR VALUES FROM ('" + month + "') TO ('"
                            + month.plusMonths(1) + "')");
                }
                statement.execute("CREATE TABLE bench_keyed_facts_default PARTITION OF bench_keyed_facts DEFAULT");
            }
            statement.execute("SET synchronous_commit = off");
            world.forEachBatch((workspace, batch) -> {
                long[] took = new long[sides];
                for (int i = 0; i < sides; i++) {
                    int side = (int) ((batches[0] + i) % sides);
                    long walBefore = walPosition();
                    if (side == 1) {
                        long t = System.nanoTime();
                        changed[0] += writer.write(workspace, batch, PULLED_AT);
                        took[side] = System.nanoTime() - t;
                    } else {
                        took[side] = rawCopy(connection, workspace, batch, side == 0 ? "bench_raw_facts" : "bench_keyed_facts");
                    }
                    wal[side] += walPosition() - walBefore;
                }
                for (int side = 0; side < sides; side++) {
                    nanos[side] += took[side];
                    round[1 + side] += took[side];
                }
                rows[0] += batch.size();
                batches[0]++;
                maxBatch[0] = Math.max(maxBatch[0], batch.size());
                round[0] += batch.size();
                if (batches[0] % ROUND_BATCHES == 0) {
                    double rawRate = round[0] / (round[1] / 1e9);
                    double writeRate = round[0] / (round[2] / 1e9);
                    double keyedRate = KEYED_ANCHOR ? round[0] / (round[3] / 1e9) : Double.NaN;
                    rounds.add(new double[] {rawRate, writeRate, writeRate / rawRate, keyedRate / rawRate,
                            writeRate / keyedRate});
                    System.out.printf("BENCH ingestion round %d: %,d rows, raw COPY %,.0f rows/s, FactWriter %,.0f rows/s,"
                                    + " ratio %.2f%s; load %s%n", rounds.size(), round[0], rawRate, writeRate,
                            writeRate / rawRate, KEYED_ANCHOR ? String.format(Locale.ROOT, "; keyed COPY %,.0f rows/s,"
                                    + " keyed / raw %.2f, writer / keyed %.2f", keyedRate, keyedRate / rawRate,
                                    writeRate / keyedRate) : "", load.summary());
                    Arrays.fill(round, 0);
                }
            });
            statement.execute("DROP TABLE bench_raw_facts");
            if (KEYED_ANCHOR) {
                statement.execute("DROP TABLE bench_keyed_facts");
            }
            statement.execute("RESET synchronous_commit");
        }
        double rawPerSecond = rows[0] / (nanos[0] / 1e9);
        double perSecond = rows[0] / (nanos[1] / 1e9);
        double[] ratios = rounds.stream().mapToDouble(r -> r[2]).sorted().toArray();
        assertThat(changed[0]).as("rows reported as written").isEqualTo(rows[0]);
        System.out.printf("BENCH ingestion, interleaved with raw COPY batch by batch: %,d rows in %,d batches (mean %,d"
                        + " rows, max %,d); raw COPY into an unindexed table %.1f s = %,.0f rows/s, WAL %,.0f MB;"
                        + " FactWriter.write %.1f s = %,.0f rows/s, WAL %,.0f MB; ingestion / raw COPY = %.2f; over %d"
                        + " rounds of %d batches: min %.2f, median %.2f, max %.2f; load %s%n", rows[0], batches[0],
                rows[0] / batches[0], maxBatch[0], nanos[0] / 1e9, rawPerSecond, wal[0] / 1e6, nanos[1] / 1e9,
                perSecond, wal[1] / 1e6, perSecond / rawPerSecond, ratios.length, ROUND_BATCHES,
                ratios.length == 0 ? Double.NaN : ratios[0], ratios.length == 0 ? Double.NaN : pct(ratios, 50),
                ratios.length == 0 ? Double.NaN : ratios[ratios.length - 1], load.summary());
        if (KEYED_ANCHOR && !rounds.isEmpty()) {
            double[] keyed = rounds.stream().mapToDouble(r -> r[3]).sorted().toArray();
            double[] protocol = rounds.stream().mapToDouble(r -> r[4]).sorted().toArray();
            double keyedPerSecond = rows[0] / (nanos[2] / 1e9);
            System.out.printf("BENCH ingestion decomposed: keyed COPY (partitioned copy with the key) %.1f s = %,.0f"
                            + " rows/s, WAL %,.0f MB; keyed / raw = %.2f (rounds median %.2f, %.2f-%.2f); writer / keyed"
                            + " = %.2f (rounds median %.2f, %.2f-%.2f)%n", nanos[2] / 1e9, keyedPerSecond, wal[2] / 1e6,
                    keyedPerSecond / rawPerSecond, pct(keyed, 50), keyed[0], keyed[keyed.length - 1],
                    perSecond / keyedPerSecond, pct(protocol, 50), protocol[0], protocol[protocol.length - 1]);
        }
        long stored = jdbc.sql("SELECT count(*) FROM report_daily_facts WHERE workspace_id = ANY(:ids)")
                .param("ids", world.ids()).query(Long.class).single();
        assertThat(stored).isEqualTo(rows[0]);
        jdbc.sql("""
                        SELECT relname, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class
                        WHERE relname LIKE 'report_daily_facts%' OR relname = 'report_finality' ORDER BY relname""")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list()
                .forEach(s -> System.out.println("BENCH size " + s));
        checkpoint();
        return perSecond / rawPerSecond;
    }

    /** Encodes and COPYs one batch into a plain table; returns the nanoseconds it took. */
    private static long rawCopy(Connection connection, WorkspaceId workspace, List<FactRow> batch, String table) {
        long t = System.nanoTime();
        try (FactCopyBuffer buffer = new FactCopyBuffer(workspace, PULLED_AT, Long.MAX_VALUE)) {
            batch.forEach(buffer::add);
            buffer.copyInto(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - t;
    }

    /** A re-pull of unchanged numbers (the daily restatement re-pull): the merge must rewrite nothing. */
    private void rewriteUnchanged(World world) {
        load.phase("re-write");
        List<WorkspacePlan> some = world.workspaces.subList(1, Math.min(6, world.workspaces.size()));
        long[] rows = {0};
        long[] changed = {0};
        long[] nanos = {0};
        Instant later = PULLED_AT.plus(Duration.ofDays(1));
        for (WorkspacePlan plan : some) {
            world.forEachBatch(plan, batch -> {
                long t = System.nanoTime();
                changed[0] += writer.write(plan.id, batch, later);
                nanos[0] += System.nanoTime() - t;
                rows[0] += batch.size();
            });
        }
        long[] ledger = jdbc.sql("""
                        SELECT min(pull_count), max(pull_count), coalesce(sum(last_rows_changed), 0) FROM report_finality
                        WHERE workspace_id = ANY(:ids)""")
                .param("ids", some.stream().map(p -> p.id.value()).toArray(UUID[]::new))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        System.out.printf("BENCH re-write of %d workspaces unchanged: %,d rows in %.1f s = %,.0f rows/s, rows changed %d,"
                        + " ledger pulls %d..%d, ledger rows changed %d; load %s%n", some.size(), rows[0], nanos[0] / 1e9,
                rows[0] / (nanos[0] / 1e9), changed[0], ledger[0], ledger[1], ledger[2], load.summary());
        assertThat(changed[0]).isZero();
        assertThat(ledger).containsExactly(2, 2, 0);
    }

    private void analyze() {
        load.phase("vacuum");
        long t = System.nanoTime();
        jdbc.sql("VACUUM (ANALYZE) report_daily_facts").update();
        jdbc.sql("VACUUM (ANALYZE) report_finality").update();
        jdbc.sql("VACUUM (ANALYZE) report_fact_rollups").update();
        jdbc.sql("VACUUM (ANALYZE) report_fact_rollups_monthly").update();
        jdbc.sql("VACUUM (ANALYZE) report_fact_advertiser_days").update();
        System.out.printf("BENCH VACUUM (ANALYZE) after the load: %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    // ---------------------------------------------------------------- (b) queries

    /**
     * (b) Per query shape: one warm-up run per workspace, then {@link #QUERY_RUNS} runs cycling over the typical
     * workspaces (the window moved back a week per round over them), each followed or preceded (alternately) by one
     * run of the big workspace, so both see the same load; p50 of the big one against p50 of the typical ones.
     */
    private void queries(World world) {
        List<WorkspaceId> ids = world.workspaces.stream().map(p -> p.id).toList();
        List<WorkspaceId> typical = ids.size() > 1 ? ids.subList(1, ids.size()) : ids;
        record Shape(String name, ReportLevel level, int days, boolean byDate, boolean byEntity, int limit, double goal) {
        }
        List<Shape> shapes = List.of(
                new Shape("90-day CAMPAIGN report by date with totals", ReportLevel.CAMPAIGN, 90, true, false, 500, 100),
                new Shape("90-day CAMPAIGN report by entity with totals", ReportLevel.CAMPAIGN, 90, false, true, 100, 0),
                new Shape("30-day AD top-100 by spend with totals", ReportLevel.AD, 30, false, true, 100, 300),
                new Shape("90-day AD top-100 by spend with totals", ReportLevel.AD, 90, false, true, 100, 0));
        if (!SKIP.contains("explain")) {
            explain(world.workspaces.get(Math.min(1, ids.size() - 1)).id, ids.get(0));
        }
        for (Shape shape : shapes) {
            load.phase(shape.name);
            for (WorkspaceId ws : ids) {
                reports.run(ws, query(shape.level, LAST_DAY.minusDays(shape.days - 1), LAST_DAY, shape.byDate,
                        shape.byEntity, shape.limit));
            }
            double[] ms = new double[QUERY_RUNS];
            double[] bigMs = new double[QUERY_RUNS];
            long rows = 0;
            for (int i = 0; i < QUERY_RUNS; i++) {
                WorkspaceId ws = typical.get(i % typical.size());
                LocalDate to = LAST_DAY.minusDays((i / typical.size()) * 7L % 63);
                ReportQuery q = query(shape.level, to.minusDays(shape.days - 1), to, shape.byDate, shape.byEntity,
                        shape.limit);
                for (int side = 0; side < 2; side++) {
                    boolean big = (side == 0) == (i % 2 == 0);
                    long t = System.nanoTime();
                    ReportResult result = reports.run(big ? ids.get(0) : ws, q);
                    double took = (System.nanoTime() - t) / 1e6;
                    if (big) {
                        bigMs[i] = took;
                    } else {
                        ms[i] = took;
                        rows += result.rows().size();
                    }
                    assertThat(result.totals()).isNotEmpty();
                }
            }
            Arrays.sort(ms);
            Arrays.sort(bigMs);
            System.out.printf("BENCH query %s: %d runs over %d typical workspaces (mean %.0f rows returned): p50 %.1f ms,"
                            + " p95 %.1f ms, p99 %.1f ms, max %.1f ms%s; the big workspace, interleaved (%d runs): p50 %.1f"
                            + " ms, p95 %.1f ms; big p50 / typical p50 = %.2f; load %s%n", shape.name, QUERY_RUNS,
                    typical.size(), (double) rows / QUERY_RUNS, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1],
                    shape.goal > 0 ? " (goal p95 <= " + (int) shape.goal + " ms)" : "", QUERY_RUNS, pct(bigMs, 50),
                    pct(bigMs, 95), pct(bigMs, 50) / pct(ms, 50), load.summary());
        }
    }

    // ---------------------------------------------------------------- (b3) the weekly rollup's effect

    /**
     * (b3) The weekly rollup (docs/reporting.md, "Rollups") against the daily facts alone, in the same run: per shape
     * and run, a typical workspace and the big one, each through both paths (four runs in an order rotated from run
     * to run, so load that comes and goes hits all four alike). Prints p50 per path and workspace, big / typical per
     * path, and rollup / daily per workspace. Both paths must give the same report (checked on the first run).
     */
    private void rollupComparison(World world) {
        List<WorkspaceId> ids = world.workspaces.stream().map(p -> p.id).toList();
        List<WorkspaceId> typical = ids.size() > 1 ? ids.subList(1, ids.size()) : ids;
        record Shape(String name, ReportLevel level, int days, int limit) {
        }
        List<Shape> shapes = List.of(new Shape("30-day AD top-100 by spend with totals", ReportLevel.AD, 30, 100),
                new Shape("90-day AD top-100 by spend with totals", ReportLevel.AD, 90, 100),
                new Shape("90-day CAMPAIGN report by entity with totals", ReportLevel.CAMPAIGN, 90, 100));
        for (String table : List.of("report_fact_rollups", "report_fact_rollups_monthly", "report_fact_advertiser_days")) {
            jdbc.sql("SELECT pg_size_pretty(pg_table_size('" + table + "')), pg_size_pretty(pg_indexes_size('" + table + "')),"
                            + " (SELECT count(*) FROM " + table + ")")
                    .query((rs, i) -> "BENCH size " + table + ": table " + rs.getString(1) + ", key " + rs.getString(2)
                            + ", " + String.format("%,d", rs.getLong(3)) + " rows").list().forEach(System.out::println);
        }
        if (!SKIP.contains("explain")) {
            for (Shape shape : shapes.subList(0, 2)) {
                for (WorkspaceId ws : List.of(typical.get(0), ids.get(0))) {
                    explainReport(shape.name + " of " + (ws.equals(ids.get(0)) ? "the big" : "a typical") + " workspace", ws,
                            query(shape.level, LAST_DAY.minusDays(shape.days - 1), LAST_DAY, false, true, shape.limit));
                }
            }
        }
        try {
            for (Shape shape : shapes) {
                load.phase("rollup A/B " + shape.name);
                for (WorkspaceId ws : ids) {   // warm-up, both paths
                    ReportQuery q = query(shape.level, LAST_DAY.minusDays(shape.days - 1), LAST_DAY, false, true, shape.limit);
                    com.tttools.app.reporting.internal.RollupsForTests.useRollups(reports, false);
                    ReportResult daily = reports.run(ws, q);
                    com.tttools.app.reporting.internal.RollupsForTests.useRollups(reports, true);
                    assertThat(reports.run(ws, q)).as("the same report both ways").isEqualTo(daily);
                }
                double[][] ms = new double[4][QUERY_RUNS];   // typical rollup, big rollup, typical daily, big daily
                for (int i = 0; i < QUERY_RUNS; i++) {
                    WorkspaceId ws = typical.get(i % typical.size());
                    LocalDate to = LAST_DAY.minusDays((i / typical.size()) * 7L % 63);
                    ReportQuery q = query(shape.level, to.minusDays(shape.days - 1), to, false, true, shape.limit);
                    for (int k = 0; k < 4; k++) {
                        int arm = (i + k) % 4;
                        com.tttools.app.reporting.internal.RollupsForTests.useRollups(reports, arm < 2);
                        long t = System.nanoTime();
                        reports.run(arm % 2 == 1 ? ids.get(0) : ws, q);
                        ms[arm][i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                for (double[] arm : ms) {
                    Arrays.sort(arm);
                }
                double tr = pct(ms[0], 50), br = pct(ms[1], 50), td = pct(ms[2], 50), bd = pct(ms[3], 50);
                System.out.printf("BENCH rollup A/B %s: %d runs each; p50 with rollup typical %.1f ms, big %.1f ms"
                                + " (big / typical %.2f); daily facts only typical %.1f ms, big %.1f ms (big / typical %.2f);"
                                + " rollup / daily: typical %.2f, big %.2f; p95 with rollup typical %.1f, big %.1f ms; load %s%n",
                        shape.name, QUERY_RUNS, tr, br, br / tr, td, bd, bd / td, tr / td, br / bd, pct(ms[0], 95),
                        pct(ms[1], 95), load.summary());
            }
        } finally {
            com.tttools.app.reporting.internal.RollupsForTests.useRollups(reports, true);
        }
    }

    /**
     * The plans of the statements {@link Reports#run} sends for one report (those that read facts or rollups), as
     * it sends them: recorded with their parameters ({@link StatementLog}) and run again under
     * {@code EXPLAIN (ANALYZE, BUFFERS)} on the same connection settings a report has.
     */
    private void explainReport(String name, WorkspaceId ws, ReportQuery query) {
        reports.run(ws, query);   // warm
        StatementLog.start();
        reports.run(ws, query);
        java.util.Collection<StatementLog.Recorded> statements = StatementLog.stop();
        System.out.println("bench plans of " + name + ":");
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement settings = connection.createStatement()) {
                // the settings of a report's transaction (ReportService.planForThisWorkspace)
                settings.execute(com.tttools.app.reporting.internal.RollupsForTests.reportPlanSettings());
            }
            for (StatementLog.Recorded statement : statements) {
                if (!statement.sql().contains("report_daily_facts") && !statement.sql().contains("report_fact_")) {
                    continue;
                }
                String sql = statement.sql().replaceAll("\\s+", " ");
                System.out.println("  statement: " + (sql.length() > 300 ? sql.substring(0, 300) + " ..." : sql));
                try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
                    StatementLog.replay(statement, explain);
                    try (java.sql.ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
            }
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- (b2) row-level security's cost

    /**
     * The same report queries with and without the tenant context a workspace request gets (docs/security.md,
     * "Row-level security"): B runs inside {@link TenantScope#call}, so ReportService's transaction switches to the
     * tenant role and PostgreSQL adds the policy's predicate; A runs as the login role. Rounds alternate A/B and B/A
     * over the same workspaces and dates (the machine is shared, so each round's ratio compares neighbours in time);
     * the median of the per-round ratios B/A is the cost.
     */
    private void rowLevelSecurity(World world) {
        List<WorkspaceId> ids = world.workspaces.stream().map(p -> p.id).toList();
        int rounds = Integer.getInteger("bench.rlsRounds", 40);
        record Shape(String name, ReportLevel level, int days, boolean byDate, boolean byEntity, int limit) {
        }
        List<Shape> shapes = List.of(
                new Shape("90-day CAMPAIGN report by date with totals", ReportLevel.CAMPAIGN, 90, true, false, 500),
                new Shape("30-day AD top-100 by spend with totals", ReportLevel.AD, 30, false, true, 100));
        for (Shape shape : shapes) {
            load.phase("rls " + shape.name);
            ReportQuery q = query(shape.level, LAST_DAY.minusDays(shape.days - 1), LAST_DAY, shape.byDate,
                    shape.byEntity, shape.limit);
            for (WorkspaceId ws : ids) {   // warm-up, both ways
                reports.run(ws, q);
                TenantScope.call(ws.value(), () -> reports.run(ws, q));
            }
            double[] ratios = new double[rounds];
            double plainTotal = 0;
            double tenantTotal = 0;
            for (int round = 0; round < rounds; round++) {
                double plain = 0;
                double tenant = 0;
                for (WorkspaceId ws : ids) {
                    boolean tenantFirst = (round + ids.indexOf(ws)) % 2 == 1;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean asTenant = (turn == 0) == tenantFirst;
                        long t = System.nanoTime();
                        ReportResult result = asTenant ? TenantScope.call(ws.value(), () -> reports.run(ws, q))
                                : reports.run(ws, q);
                        double ms = (System.nanoTime() - t) / 1e6;
                        assertThat(result.rows()).isNotEmpty();
                        if (asTenant) {
                            tenant += ms;
                        } else {
                            plain += ms;
                        }
                    }
                }
                ratios[round] = tenant / plain;
                plainTotal += plain;
                tenantTotal += tenant;
            }
            Arrays.sort(ratios);
            System.out.printf("BENCH rls %s: %d rounds x %d workspaces, interleaved; tenant/plain per round: median %.3f"
                            + " (p10 %.3f, p90 %.3f, min %.3f, max %.3f); mean per query plain %.2f ms, tenant %.2f ms;"
                            + " load %s%n", shape.name, rounds, ids.size(), pct(ratios, 50), pct(ratios, 10),
                    pct(ratios, 90), ratios[0], ratios[ratios.length - 1], plainTotal / (rounds * ids.size()),
                    tenantTotal / (rounds * ids.size()), load.summary());
        }
    }

    /** Every report query of the benchmark is built here (one place to adapt when ReportQuery changes). */
    private static ReportQuery query(ReportLevel level, LocalDate from, LocalDate to, boolean byDate, boolean byEntity,
            int limit) {
        return new ReportQuery(level, from, to, METRICS, byDate, byEntity, ReportQuery.Filters.NONE, null, limit, 0);
    }

    /** The plans of ReportService's SQL (copied here as text: EXPLAIN cannot see through the service). */
    private void explain(WorkspaceId ws, WorkspaceId big) {
        String where = """
                FROM report_daily_facts
                WHERE workspace_id = '%s' AND level = '%s' AND stat_date BETWEEN '%s' AND '%s'
                  AND (cardinality(CAST('{}' AS text[])) = 0 OR advertiser_id = ANY(CAST('{}' AS text[])))""";
        String sums = """
                sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks,
                sum(conversions) AS conversions, sum(results) AS results, sum(video_views) AS video_views""";
        Map<String, String> sql = new java.util.LinkedHashMap<>();
        for (WorkspaceId w : List.of(ws, big)) {
            String which = w.equals(big) ? " (big workspace)" : " (a typical workspace)";
            sql.put("90-day CAMPAIGN rows by date" + which, "SELECT stat_date, currency, " + sums
                    + ", CASE WHEN count(*) = 1 THEN max(reach) END AS reach "
                    + where.formatted(w, "CAMPAIGN", LAST_DAY.minusDays(89), LAST_DAY)
                    + " GROUP BY stat_date, currency ORDER BY stat_date, currency LIMIT 501 OFFSET 0");
            sql.put("90-day CAMPAIGN totals" + which, "SELECT currency, " + sums + ", NULL::bigint AS reach "
                    + where.formatted(w, "CAMPAIGN", LAST_DAY.minusDays(89), LAST_DAY) + " GROUP BY currency ORDER BY currency");
            sql.put("30-day AD top-100 rows" + which, "SELECT entity_id, advertiser_id, currency, " + sums
                    + ", CASE WHEN count(*) = 1 THEN max(reach) END AS reach "
                    + where.formatted(w, "AD", LAST_DAY.minusDays(29), LAST_DAY)
                    + " GROUP BY entity_id, advertiser_id, currency ORDER BY sum(spend) DESC, entity_id, currency"
                    + " LIMIT 101 OFFSET 0");
            sql.put("30-day AD totals" + which, "SELECT currency, " + sums + ", NULL::bigint AS reach "
                    + where.formatted(w, "AD", LAST_DAY.minusDays(29), LAST_DAY) + " GROUP BY currency ORDER BY currency");
        }
        sql.put("CSV export rows (big workspace)", "SELECT stat_date, entity_id, advertiser_id, currency, " + sums
                + ", CASE WHEN count(*) = 1 THEN max(reach) END AS reach "
                + where.formatted(big, "AD", FIRST_DAY, LAST_DAY)
                + " GROUP BY stat_date, entity_id, advertiser_id, currency"
                + " ORDER BY stat_date, sum(spend) DESC, entity_id, currency");
        sql.forEach((name, text) -> {
            System.out.println("bench plan of " + name + ":");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + text).query((rs, i) -> rs.getString(1)).list()
                    .forEach(line -> System.out.println("    " + line));
        });
    }

    private static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------- (c) CSV export

    private void csvExport(World world, WorkspaceId big, String token) throws Exception {
        long adRows = jdbc.sql("""
                        SELECT count(*) FROM report_daily_facts WHERE workspace_id = :ws AND level = 'AD'
                          AND stat_date BETWEEN :from AND :to""")
                .param("ws", big.value()).param("from", java.sql.Date.valueOf(FIRST_DAY))
                .param("to", java.sql.Date.valueOf(LAST_DAY)).query(Long.class).single();
        String path = "/api/v1/workspaces/" + big + "/reports.csv?level=AD&groupBy=date,entity&from=" + FIRST_DAY
                + "&to=" + LAST_DAY;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String anchorSql = csvAnchorSql(big);
        System.out.println("BENCH CSV anchor: COPY (" + anchorSql + ") TO STDOUT (FORMAT csv)");
        List<Double> ratios = new ArrayList<>();
        for (int run = 1; run <= CSV_ROUNDS; run++) {
            double anchorRate = Double.NaN;
            if (run % 2 == 1) {
                anchorRate = csvAnchor(anchorSql, adRows, run);
            }
            load.phase("CSV export " + run);
            System.gc();
            System.gc();
            Thread.sleep(200);
            long baseline = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            Thread samplerThread = daemon(sampler, "bench-heap");
            long gcBefore = gcCount();
            long t = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            sampler.stop();
            samplerThread.join();
            long rows = lines - 1;
            assertThat(rows).isEqualTo(adRows);
            MemoryUsage heap = memory.getHeapMemoryUsage();
            long gcs = gcCount() - gcBefore;
            System.gc();
            System.gc();
            Thread.sleep(200);
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("BENCH CSV export run %d (GET reports.csv, AD level, groupBy date,entity, %s..%s, %d metrics):"
                            + " %,d rows, %,d bytes in %.2f s = %,.0f rows/s; heap: baseline %.1f MB after GC, sampled"
                            + " peak +%.1f MB (%d samples, garbage included), highest after a GC during the export +%.1f"
                            + " MB (%d GCs, young collections leave promoted garbage), after the export and a full GC"
                            + " %+.1f MB; max heap %.0f MB; load %s%n", run, FIRST_DAY, LAST_DAY, METRICS.size(), rows,
                    bytes, seconds, rows / seconds, baseline / 1e6, (sampler.peak - baseline) / 1e6, sampler.samples,
                    (sampler.afterGcPeak() - baseline) / 1e6, gcs, (after - baseline) / 1e6, heap.getMax() / 1e6,
                    load.summary());
            if (run % 2 == 0) {
                anchorRate = csvAnchor(anchorSql, adRows, run);
            }
            ratios.add(rows / seconds / anchorRate);
            System.out.printf("BENCH CSV round %d: export / COPY = %.2f%n", run, ratios.get(ratios.size() - 1));
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("BENCH CSV export / COPY TO STDOUT of the same SELECT over %d rounds: min %.2f, median %.2f,"
                + " max %.2f (goal >= 0.5)%n", sorted.length, sorted[0], pct(sorted, 50), sorted[sorted.length - 1]);
    }

    static final int CSV_ROUNDS = Integer.getInteger("bench.csvRounds", 3);

    /**
     * The SELECT the export sends (issue 18 item 4: {@code ReportCsv}'s columns over the big workspace's AD facts in
     * key order, with its values written in; the converted spend is the spend itself, since no advertiser of the
     * benchmark's workspaces has another currency recorded in {@code report_advertisers}).
     */
    private String csvAnchorSql(WorkspaceId big) {
        long foreign = jdbc.sql("SELECT count(*) FROM report_advertisers WHERE workspace_id = :ws")
                .param("ws", big.value()).query(Long.class).single();
        assertThat(foreign).as("the anchor's SELECT assumes the export needs no conversion join").isZero();
        String currency = jdbc.sql("SELECT currency FROM workspaces WHERE id = :ws").param("ws", big.value())
                .query(String.class).single();
        ReportQuery export = new ReportQuery(ReportLevel.AD, FIRST_DAY, LAST_DAY, METRICS, true, true,
                ReportQuery.Filters.NONE, null, 500, 0, currency);
        return "SELECT " + com.tttools.app.reporting.internal.ReportCsvForTests.columns(export, "f.", "(f.spend)")
                + " FROM report_daily_facts f WHERE f.workspace_id = '" + big.value()
                + "' AND f.level = 'AD' AND f.stat_date BETWEEN '" + FIRST_DAY + "' AND '" + LAST_DAY
                + "' ORDER BY f.stat_date, f.advertiser_id, f.entity_id";
    }

    /**
     * The physical anchor of the CSV export: {@code COPY (the same SELECT) TO STDOUT (FORMAT csv)} under the same
     * planner settings as the export's transaction, read by a client (pgJDBC's CopyManager) that counts bytes and lines
     * and keeps nothing; returns rows per second.
     */
    private double csvAnchor(String select, long expectedRows, int run) throws SQLException, IOException {
        load.phase("CSV anchor " + run);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var settings = connection.createStatement()) {
                settings.execute(com.tttools.app.reporting.internal.RollupsForTests.reportPlanSettings());
            }
            org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            long[] counted = {0, 0};
            java.io.OutputStream sink = new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    counted[0]++;
                    if (b == '\n') {
                        counted[1]++;
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    counted[0] += len;
                    for (int i = off; i < off + len; i++) {
                        if (b[i] == '\n') {
                            counted[1]++;
                        }
                    }
                }
            };
            long t = System.nanoTime();
            long copied = copy.copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv)", sink);
            double seconds = (System.nanoTime() - t) / 1e9;
            connection.rollback();
            assertThat(copied).isEqualTo(expectedRows);
            System.out.printf("BENCH CSV anchor run %d (COPY (the export's SELECT) TO STDOUT (FORMAT csv), read by pgJDBC):"
                            + " %,d rows, %,d bytes in %.2f s = %,.0f rows/s; load %s%n", run, copied, counted[0], seconds,
                    copied / seconds, load.summary());
            return copied / seconds;
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    /** Heap used every ~10 ms, and the heap after each collection (from the collectors' last GC info). */
    static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        long peak;
        int samples;
        private long afterGc;
        private final Map<String, Long> seenGc = new java.util.HashMap<>();

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                samples++;
                for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    if (gc instanceof com.sun.management.GarbageCollectorMXBean sun && sun.getLastGcInfo() != null) {
                        var info = sun.getLastGcInfo();
                        if (!Long.valueOf(info.getId()).equals(seenGc.put(gc.getName(), info.getId()))) {
                            long used = info.getMemoryUsageAfterGc().entrySet().stream()
                                    .filter(e -> isHeapPool(e.getKey()))
                                    .mapToLong(e -> e.getValue().getUsed()).sum();
                            afterGc = Math.max(afterGc, used);
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long afterGcPeak() {
            return afterGc;
        }

        void stop() {
            running = false;
        }

        private static boolean isHeapPool(String name) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(name) && p.getType() == java.lang.management.MemoryType.HEAP);
        }
    }

    // ---------------------------------------------------------------- clean-up, machine, load

    private void cleanUp(World world, boolean tableWasEmpty) {
        long t = System.nanoTime();
        jdbc.sql("DROP TABLE IF EXISTS bench_raw_facts").update();
        if (tableWasEmpty) {
            // Only this benchmark wrote facts in this run (it runs alone): drop them all at once.
            jdbc.sql("TRUNCATE report_daily_facts, report_finality, report_fact_rollups, report_fact_rollups_monthly,"
                    + " report_fact_advertiser_days").update();
        } else {
            jdbc.sql("DELETE FROM report_daily_facts WHERE workspace_id = ANY(:ids)").param("ids", world.ids()).update();
            jdbc.sql("DELETE FROM report_finality WHERE workspace_id = ANY(:ids)").param("ids", world.ids()).update();
            for (String table : List.of("report_fact_rollups", "report_fact_rollups_monthly", "report_fact_advertiser_days")) {
                jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = ANY(:ids)").param("ids", world.ids()).update();
            }
        }
        System.out.printf("BENCH clean-up (%s): %.1f s%n", tableWasEmpty ? "TRUNCATE" : "DELETE", (System.nanoTime() - t) / 1e9);
    }

    private long walPosition() {
        return jdbc.sql("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn").query(Long.class).single();
    }

    private void checkpoint() {
        jdbc.sql("CHECKPOINT").update();
    }

    private void databaseSettings() throws SQLException {
        if (PG_SETTINGS.isBlank()) {
            return;
        }
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();
        for (String setting : PG_SETTINGS.split(",")) {
            String[] nameValue = setting.split("=", 2);
            if (!nameValue[0].strip().matches("[a-z_]+") || !nameValue[1].strip().matches("[A-Za-z0-9._]+")) {
                throw new IllegalArgumentException("bench.pgSettings: " + setting);
            }
            jdbc.sql("ALTER DATABASE " + database + " SET " + nameValue[0].strip() + " = '" + nameValue[1].strip() + "'").update();
        }
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    private void printMachine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String pg = jdbc.sql("SELECT version()").query(String.class).single();
        List<String> settings = jdbc.sql("""
                        SELECT name || '=' || setting || coalesce(unit, '') FROM pg_settings
                        WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_wal_size',
                                       'synchronous_commit', 'wal_level', 'checkpoint_timeout', 'effective_cache_size',
                                       'jit', 'fsync', 'wal_compression', 'max_parallel_workers_per_gather',
                                       'random_page_cost', 'plan_cache_mode')
                        ORDER BY name""").query(String.class).list();
        System.out.printf("BENCH machine: %d cores (%s), %s, Java %s (%s), max heap %.0f MB; %s; settings %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / 1e6, pg, settings);
    }

    /** The 1-minute load average every 2 s, per phase. */
    static final class LoadSampler implements Runnable {
        private volatile boolean running = true;
        private volatile String phase = "start";
        private double min = Double.MAX_VALUE;
        private double max;
        private double sum;
        private int n;

        synchronized void phase(String name) {
            phase = name;
            min = Double.MAX_VALUE;
            max = 0;
            sum = 0;
            n = 0;
            sample();
        }

        synchronized String summary() {
            sample();
            return String.format("%.1f-%.1f (mean %.1f)", min, max, sum / n);
        }

        private synchronized void sample() {
            try {
                double value = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                min = Math.min(min, value);
                max = Math.max(max, value);
                sum += value;
                n++;
            } catch (IOException | RuntimeException e) {
                // no /proc: no load figures
            }
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- the seeded world

    record Currency(String code, int decimals, double perUsd) {
    }

    static final List<Currency> CURRENCIES = List.of(new Currency("USD", 2, 1), new Currency("EUR", 2, 0.92),
            new Currency("JPY", 0, 150), new Currency("GBP", 2, 0.79), new Currency("KRW", 0, 1350),
            new Currency("BRL", 2, 5.1), new Currency("IDR", 0, 15_800));

    static final String[] THEMES = {"Spring sale", "Summer drop", "Back to school", "Black Friday", "Always-on prospecting",
            "Retargeting, 30 days", "App installs", "Brand awareness", "Herbst-Aktion – Größen", "秋のセール",
            "Lead gen \"Webinar\"", "Catalog sales"};
    static final String[] AUDIENCES = {"18-24", "25-34", "35-44", "Broad", "Lookalike 1%", "Interests: fitness",
            "Custom: site visitors"};
    static final String[] FORMATS = {"9x16", "1x1", "16x9"};

    static final class Campaign {
        String id;
        String name;
        int first;
        int last;
    }

    static final class AdGroup {
        String id;
        String name;
        Campaign campaign;
        int index;
        int campaignIndex;
        int first;
        int last;
    }

    static final class Ad {
        String id;
        String name;
        AdGroup adgroup;
        int first;
        int last;
        double impressions;
        double ctr;
        double cvr;
        double cpm;
    }

    static final class Advertiser {
        String id;
        String name;
        Currency currency;
        Campaign[] campaigns;
        AdGroup[] adgroups;
        Ad[] ads;
    }

    static final class WorkspacePlan {
        int index;
        WorkspaceId id;
        List<Advertiser> advertisers = new ArrayList<>();
    }

    interface BatchSink {
        void accept(WorkspaceId workspace, List<FactRow> batch);
    }

    /** 100 workspaces; the first is the big one (8 advertisers with large accounts), the others 2 to 6 advertisers. */
    static final class World {
        final List<WorkspacePlan> workspaces = new ArrayList<>();
        final LocalDate[] dates = new LocalDate[DAYS];

        World(WorkspaceId big) {
            for (int d = 0; d < DAYS; d++) {
                dates[d] = FIRST_DAY.plusDays(d);
            }
            SplittableRandom random = new SplittableRandom(SEED);
            for (int w = 0; w < WORKSPACES; w++) {
                WorkspacePlan plan = new WorkspacePlan();
                plan.index = w;
                plan.id = w == 0 ? big : new WorkspaceId(new UUID(random.nextLong(), random.nextLong()));
                int advertisers = w == 0 ? 8 : 3 + random.nextInt(6);
                for (int a = 0; a < advertisers; a++) {
                    plan.advertisers.add(advertiser(new SplittableRandom(random.nextLong()), w == 0));
                }
                workspaces.add(plan);
            }
        }

        private static Advertiser advertiser(SplittableRandom r, boolean big) {
            Advertiser a = new Advertiser();
            a.id = Long.toString(r.nextLong(7_000_000_000_000_000_000L, 7_499_999_999_999_999_999L));
            a.currency = CURRENCIES.get(r.nextInt(CURRENCIES.size()));
            a.name = "Advertiser " + a.id.substring(14) + " (" + a.currency.code() + ")";
            int campaigns = (int) Math.round((big ? 110 + r.nextInt(24) : 24 + r.nextInt(32)) * SIZE);
            List<Campaign> cs = new ArrayList<>();
            List<AdGroup> gs = new ArrayList<>();
            List<Ad> ds = new ArrayList<>();
            for (int c = 0; c < Math.max(1, campaigns); c++) {
                Campaign campaign = new Campaign();
                campaign.id = Long.toString(r.nextLong(1_700_000_000_000_000_000L, 1_799_999_999_999_999_999L));
                campaign.name = THEMES[r.nextInt(THEMES.length)] + " " + (2025 + r.nextInt(2)) + " #" + (c + 1);
                campaign.first = big ? r.nextInt(-60, DAYS / 3) : r.nextInt(-90, DAYS - 10);
                campaign.last = Math.min(DAYS - 1, campaign.first + (big ? 150 + r.nextInt(150) : 14 + r.nextInt(226)));
                campaign.first = Math.max(0, campaign.first);
                cs.add(campaign);
                int adgroups = 1 + r.nextInt(5);
                for (int g = 0; g < adgroups; g++) {
                    AdGroup adgroup = new AdGroup();
                    adgroup.id = Long.toString(r.nextLong(1_800_000_000_000_000_000L, 1_849_999_999_999_999_999L));
                    adgroup.name = AUDIENCES[r.nextInt(AUDIENCES.length)] + " / " + campaign.name + " / AG " + (g + 1);
                    adgroup.campaign = campaign;
                    adgroup.index = gs.size();
                    adgroup.campaignIndex = cs.size() - 1;
                    adgroup.first = Math.min(campaign.last, campaign.first + r.nextInt(7));
                    adgroup.last = Math.max(adgroup.first, campaign.last - r.nextInt(7));
                    gs.add(adgroup);
                    int ads = 1 + r.nextInt(6);
                    for (int d = 0; d < ads; d++) {
                        Ad ad = new Ad();
                        ad.id = Long.toString(r.nextLong(1_850_000_000_000_000_000L, 1_899_999_999_999_999_999L));
                        ad.name = "creative_" + (d + 1) + "_v" + (1 + r.nextInt(4)) + "_" + FORMATS[r.nextInt(3)] + ".mp4";
                        ad.adgroup = adgroup;
                        ad.first = Math.min(adgroup.last, adgroup.first + r.nextInt(10));
                        ad.last = r.nextInt(10) < 3 ? Math.min(adgroup.last, ad.first + 7 + r.nextInt(53)) : adgroup.last;
                        ad.impressions = Math.exp(6.5 + 1.1 * gaussian(r));
                        ad.ctr = 0.004 + 0.021 * r.nextDouble();
                        ad.cvr = 0.005 + 0.075 * r.nextDouble();
                        ad.cpm = 2 + 10 * r.nextDouble();
                        ds.add(ad);
                    }
                }
            }
            a.campaigns = cs.toArray(Campaign[]::new);
            a.adgroups = gs.toArray(AdGroup[]::new);
            a.ads = ds.toArray(Ad[]::new);
            return a;
        }

        private static double gaussian(SplittableRandom r) {
            double u = 1 - r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }

        int advertisers() {
            return workspaces.stream().mapToInt(w -> w.advertisers.size()).sum();
        }

        long count(java.util.function.ToIntFunction<Advertiser> f) {
            return workspaces.stream().flatMap(w -> w.advertisers.stream()).mapToLong(f::applyAsInt).sum();
        }

        String currencyMix() {
            Map<String, Long> mix = new java.util.TreeMap<>();
            workspaces.forEach(w -> w.advertisers.forEach(a -> mix.merge(a.currency.code(), 1L, Long::sum)));
            return mix.toString();
        }

        /** Only the workspace ids are needed after the load (keeps the heap baseline of the CSV measure small). */
        void forgetTrees() {
            workspaces.forEach(w -> w.advertisers.clear());
        }

        UUID[] ids() {
            return workspaces.stream().map(w -> w.id.value()).toArray(UUID[]::new);
        }

        void forEachBatch(BatchSink sink) {
            for (WorkspacePlan plan : workspaces) {
                forEachBatch(plan, batch -> sink.accept(plan.id, batch));
            }
        }

        /** Per advertiser and 30-day window, the four levels as a sync collects them (advertiser, campaign, ...). */
        void forEachBatch(WorkspacePlan plan, Consumer<List<FactRow>> sink) {
            for (int a = 0; a < plan.advertisers.size(); a++) {
                Advertiser advertiser = plan.advertisers.get(a);
                for (int start = 0; start < DAYS; start += WINDOW_DAYS) {
                    SplittableRandom r = new SplittableRandom(SEED ^ ((long) plan.index << 40) ^ ((long) a << 20) ^ start);
                    sink.accept(window(advertiser, start, Math.min(DAYS, start + WINDOW_DAYS) - 1, r));
                }
            }
        }

        private List<FactRow> window(Advertiser a, int from, int to, SplittableRandom r) {
            List<FactRow> advertiserRows = new ArrayList<>();
            List<FactRow> campaignRows = new ArrayList<>();
            List<FactRow> adgroupRows = new ArrayList<>();
            List<FactRow> adRows = new ArrayList<>();
            int scale = a.currency.decimals();
            double minorPerUsd = a.currency.perUsd() * Math.pow(10, scale);
            Sums advertiserSums = new Sums();
            Sums[] campaignSums = new Sums[a.campaigns.length];
            Sums[] adgroupSums = new Sums[a.adgroups.length];
            for (int d = from; d <= to; d++) {
                LocalDate date = dates[d];
                double weekday = switch (date.getDayOfWeek()) {
                    case SATURDAY, SUNDAY -> 1.25;
                    case FRIDAY -> 1.1;
                    default -> 1.0;
                };
                advertiserSums.clear();
                for (int i = 0; i < campaignSums.length; i++) {
                    campaignSums[i] = null;
                }
                for (int i = 0; i < adgroupSums.length; i++) {
                    adgroupSums[i] = null;
                }
                for (Ad ad : a.ads) {
                    if (d < ad.first || d > ad.last || r.nextInt(100) < 3) {
                        continue;
                    }
                    long impressions = Math.round(ad.impressions * weekday * (0.6 + 0.8 * r.nextDouble())) + 1;
                    long clicks = Math.round(impressions * ad.ctr * (0.7 + 0.6 * r.nextDouble()));
                    long conversions = Math.round(clicks * ad.cvr * (0.5 + r.nextDouble()));
                    long spend = Math.round(impressions / 1000.0 * ad.cpm * minorPerUsd * (0.9 + 0.2 * r.nextDouble()));
                    long videoViews = Math.round(impressions * (0.2 + 0.3 * r.nextDouble()));
                    long reach = Math.max(1, Math.round(impressions * (0.7 + 0.25 * r.nextDouble())));
                    int[] engagement = engagement(videoViews, r);
                    AdGroup g = ad.adgroup;
                    adRows.add(new FactRow(ReportLevel.AD, ad.id, date, a.id, g.campaign.id, g.id, ad.name,
                            a.currency.code(), BigDecimal.valueOf(spend, scale), impressions, clicks, conversions,
                            conversions, videoViews, engagement, reach));
                    Sums gs = adgroupSums[g.index] == null ? adgroupSums[g.index] = new Sums() : adgroupSums[g.index];
                    gs.add(spend, impressions, clicks, conversions, videoViews, engagement, reach);
                    Sums cs = campaignSums[g.campaignIndex] == null ? campaignSums[g.campaignIndex] = new Sums()
                            : campaignSums[g.campaignIndex];
                    cs.add(spend, impressions, clicks, conversions, videoViews, engagement, reach);
                    advertiserSums.add(spend, impressions, clicks, conversions, videoViews, engagement, reach);
                }
                for (int i = 0; i < adgroupSums.length; i++) {
                    if (adgroupSums[i] != null) {
                        AdGroup g = a.adgroups[i];
                        adgroupRows.add(adgroupSums[i].row(ReportLevel.ADGROUP, g.id, date, a, g.campaign.id, g.id,
                                g.name, scale));
                    }
                }
                for (int i = 0; i < campaignSums.length; i++) {
                    if (campaignSums[i] != null) {
                        Campaign c = a.campaigns[i];
                        campaignRows.add(campaignSums[i].row(ReportLevel.CAMPAIGN, c.id, date, a, c.id, null, c.name,
                                scale));
                    }
                }
                if (advertiserSums.impressions > 0) {
                    advertiserRows.add(advertiserSums.row(ReportLevel.ADVERTISER, a.id, date, a, null, null, a.name,
                            scale));
                }
            }
            List<FactRow> rows = new ArrayList<>(advertiserRows.size() + campaignRows.size() + adgroupRows.size()
                    + adRows.size());
            rows.addAll(advertiserRows);
            rows.addAll(campaignRows);
            rows.addAll(adgroupRows);
            rows.addAll(adRows);
            return rows;
        }
    }

    /** A parent's day: sums of its children; reach is not additive (people overlap), so it is estimated below the sum. */
    /**
     * The video funnel and engagement of one ad-day from its video views, in {@link FactRow#ENGAGEMENT}'s order
     * (2 s, 6 s, 25 %, 50 %, 75 %, 100 %, likes, comments, shares, follows, profile visits).
     */
    static int[] engagement(long videoViews, SplittableRandom r) {
        double v = videoViews;
        double twoSeconds = v * (0.55 + 0.2 * r.nextDouble());
        double sixSeconds = twoSeconds * (0.35 + 0.2 * r.nextDouble());
        double p25 = v * (0.3 + 0.1 * r.nextDouble());
        double p50 = p25 * (0.5 + 0.2 * r.nextDouble());
        double p75 = p50 * (0.5 + 0.2 * r.nextDouble());
        double p100 = p75 * (0.4 + 0.3 * r.nextDouble());
        double likes = v * (0.01 + 0.03 * r.nextDouble());
        return new int[] {(int) twoSeconds, (int) sixSeconds, (int) p25, (int) p50, (int) p75, (int) p100, (int) likes,
                (int) (likes * 0.05 * r.nextDouble()), (int) (likes * 0.1 * r.nextDouble()),
                (int) (likes * 0.08 * r.nextDouble()), (int) (likes * 0.3 * r.nextDouble())};
    }

    static final class Sums {
        long spend;
        long impressions;
        long clicks;
        long conversions;
        long videoViews;
        long reachSum;
        long reachMax;
        final long[] engagement = new long[FactRow.ENGAGEMENT.size()];

        void clear() {
            spend = impressions = clicks = conversions = videoViews = reachSum = reachMax = 0;
            java.util.Arrays.fill(engagement, 0);
        }

        void add(long spend, long impressions, long clicks, long conversions, long videoViews, int[] engagement,
                long reach) {
            for (int i = 0; i < engagement.length; i++) {
                this.engagement[i] += engagement[i];
            }
            this.spend += spend;
            this.impressions += impressions;
            this.clicks += clicks;
            this.conversions += conversions;
            this.videoViews += videoViews;
            this.reachSum += reach;
            this.reachMax = Math.max(reachMax, reach);
        }

        FactRow row(ReportLevel level, String id, LocalDate date, Advertiser a, String campaignId, String adgroupId,
                String name, int scale) {
            long reach = Math.min(impressions, reachMax + Math.round((reachSum - reachMax) * 0.6));
            return new FactRow(level, id, date, a.id, campaignId, adgroupId, name, a.currency.code(),
                    BigDecimal.valueOf(spend, scale), impressions, clicks, conversions, conversions, videoViews,
                    java.util.Arrays.stream(engagement).mapToInt(Math::toIntExact).toArray(), reach);
        }
    }
}
