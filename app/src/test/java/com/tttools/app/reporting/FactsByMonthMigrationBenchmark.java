package com.tttools.app.reporting;

import com.tttools.app.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The time of the migration to monthly partitions (V2026_12_04_1940..1942) on a large table of today's shape, and how
 * long a concurrent writer and reader were held up by each step (docs/benchmarks.md, "Facts by month: the
 * migration"). Skipped unless {@code -Dbench=true}; not picked up by the suite (its name does not end in Test/IT):
 * {@code mvn -q -o -pl tiktok-simulator,app verify -Dbench=true -Dtest=FactsByMonthMigrationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dbench.rows} (default 20,000,000) sets the size. Everything runs in
 * a schema of its own, dropped at the end.
 *
 * <p>The table is filled by SQL (100 workspaces, 4 levels, 180 days, advertisers and entities as the reporting
 * benchmark's shape, in key order) with its finality ledger; then the three steps run one by one through Flyway while a
 * second connection, every 20 ms, inserts one fact of today (a sync's new day) and reads one workspace's day (a report):
 * the longest such probe per step is how long the step held writers and readers up.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class FactsByMonthMigrationBenchmark extends IntegrationTest {

    static final String SCHEMA = "bench_facts_by_month";
    static final long ROWS = Long.getLong("bench.rows", 20_000_000L);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationTime() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        try {
            org.flywaydb.core.api.MigrationVersion first = org.flywaydb.core.api.MigrationVersion.fromVersion("2026.12.04.1940");
            String before = java.util.Arrays.stream(flyway(pool, "latest").info().all())
                    .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                    .filter(v -> v != null && v.compareTo(first) < 0).max(Comparable::compareTo).orElseThrow().getVersion();
            flyway(pool, before).migrate();
            long t = System.nanoTime();
            // 100 workspaces x 4 levels x 180 days x n entities, in primary key order (one advertiser per 50 entities)
            long perDay = Math.max(1, ROWS / (100 * 4 * 180));
            jdbc.sql("SET maintenance_work_mem = '256MB'").update();
            jdbc.sql("INSERT INTO " + SCHEMA + ".report_daily_facts (workspace_id, level, entity_id, stat_date,"
                    + " advertiser_id, campaign_id, entity_name, currency, spend, impressions, clicks, conversions, reach,"
                    + " pulled_at) SELECT ('00000000-0000-0000-0000-' || lpad(w::text, 12, '0'))::uuid, l, (7000000000000000000"
                    + " + e)::text, DATE '2026-05-01' + d, (7100000000000000000 + w * 100 + e / 50)::text,"
                    + " CASE WHEN l <> 'ADVERTISER' THEN (7200000000000000000 + e / 10)::text END, 'Entity ' || e, 'USD',"
                    + " (e % 997) * 0.37, 700 + e % 300, 7 + e % 13, e % 5, NULLIF(e % 400, 0), now()"
                    + " FROM generate_series(0, 99) w, unnest(ARRAY['AD', 'ADGROUP', 'ADVERTISER', 'CAMPAIGN']) l,"
                    + " generate_series(0, 179) d, generate_series(0, " + (perDay - 1) + ") e").update();
            jdbc.sql("INSERT INTO " + SCHEMA + ".report_finality SELECT ('00000000-0000-0000-0000-' || lpad(w::text, 12,"
                    + " '0'))::uuid, (7100000000000000000 + w * 100 + a)::text, DATE '2026-05-01' + d, now(), now(), 1, 0,"
                    + " 0, 0 FROM generate_series(0, 99) w, generate_series(0, 179) d, generate_series(0, "
                    + ((perDay - 1) / 50) + ") a").update();
            jdbc.sql("VACUUM ANALYZE " + SCHEMA + ".report_daily_facts").update();
            long rows = jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".report_daily_facts").query(Long.class).single();
            long bytes = jdbc.sql("SELECT pg_total_relation_size(CAST(:t AS regclass))")
                    .param("t", SCHEMA + ".report_daily_facts").query(Long.class).single();
            System.out.printf("BENCH migration data: %,d rows, %,.0f MB with the primary key, built in %.1f s; load %s%n",
                    rows, bytes / 1e6, (System.nanoTime() - t) / 1e9, load());

            for (String step : new String[] {"2026.12.04.1940", "2026.12.04.1941", "2026.12.04.1942"}) {
                Probe probe = new Probe(pool, step);
                Thread thread = new Thread(probe, "bench-probe");
                thread.start();
                Thread.sleep(500);
                long started = System.nanoTime();
                flyway(pool, step).migrate();
                double seconds = (System.nanoTime() - started) / 1e9;
                Thread.sleep(200);
                probe.stop.set(true);
                thread.join();
                System.out.printf("BENCH migration step %s: %.2f s; concurrent probes (insert of today's fact + read"
                                + " of a day): %d, longest %.0f ms, errors %d; load %s%n", step, seconds, probe.count.get(),
                        probe.longest.get() / 1e6, probe.errors.get(), load());
            }
            long after = jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".report_daily_facts").query(Long.class).single();
            System.out.printf("BENCH migration kept %,d of %,d rows (plus the probes' inserts)%n", after, rows);
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }

    /** A sync writing today's facts and a report reading, one after the other every 20 ms, on their own connection. */
    static final class Probe implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong longest = new AtomicLong();
        final AtomicLong count = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        private final HikariDataSource pool;
        private final String step;

        Probe(HikariDataSource pool, String step) {
            this.pool = pool;
            this.step = step;
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                 Statement s = c.createStatement()) {
                s.execute("SET search_path = " + SCHEMA);
                long n = 0;
                while (!stop.get()) {
                    long t = System.nanoTime();
                    try {
                        s.execute("INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id,"
                                + " currency, pulled_at) VALUES ('00000000-0000-0000-0000-00000000ffff', 'AD', 'probe" + n++
                                + "-" + step + "', current_date, 'probe', 'USD', now())");
                        s.execute("SELECT sum(spend) FROM report_daily_facts WHERE workspace_id ="
                                + " '00000000-0000-0000-0000-000000000007' AND level = 'CAMPAIGN' AND stat_date = DATE '2026-07-01'");
                    } catch (SQLException e) {
                        System.out.printf("BENCH probe error during %s: %s%n", step, e.getMessage());
                        errors.incrementAndGet();
                    }
                    longest.accumulateAndGet(System.nanoTime() - t, Math::max);
                    count.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static Flyway flyway(HikariDataSource pool, String target) {
        return Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
                .locations("classpath:db/migration").schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                .target(target).load();
    }
}
