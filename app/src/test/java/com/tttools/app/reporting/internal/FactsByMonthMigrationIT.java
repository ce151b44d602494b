package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.IntegrationTest;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration to monthly partitions (V2026_12_04_1940..1942) on a database that holds facts: every row is kept,
 * unchanged, in the old table attached as the partition of the days up to the bound, and days after it go to monthly
 * partitions. Runs every migration into a schema of its own (the application's schema stays as it is).
 */
class FactsByMonthMigrationIT extends IntegrationTest {

    static final String SCHEMA = "facts_by_month_migration";
    /** The columns compared before and after, in a fixed order (the table's own column order may differ). */
    static final String ROW = """
            workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id, adgroup_id, entity_name, currency,
            spend, impressions, clicks, conversions, results, video_views, reach, pulled_at, video_watched_2s,
            video_watched_6s, video_views_p25, video_views_p50, video_views_p75, video_views_p100, likes, comments, shares,
            follows, profile_visits""";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropSchema() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
    }

    @Test
    void everyRowIsKeptInTheOldTableAttachedAsAPartition() throws java.sql.SQLException {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        flyway(beforePartitioning()).migrate();
        jdbc.sql("INSERT INTO " + SCHEMA + """
                .report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id, entity_name,
                                     currency, spend, impressions, clicks, reach, pulled_at, likes)
                SELECT ('00000000-0000-0000-0000-' || lpad((g % 7)::text, 12, '0'))::uuid,
                       (ARRAY['ADVERTISER', 'CAMPAIGN', 'ADGROUP', 'AD'])[1 + g % 4], 'e' || g,
                       DATE '2024-11-01' + g % 700, 'adv' || g % 3, CASE WHEN g % 4 > 0 THEN 'c' || g % 11 END,
                       'name, "' || g || '" – é', 'USD', g * 1.000001, g, g / 3, NULLIF(g % 5, 0),
                       TIMESTAMPTZ '2026-11-02 04:30:00.123456+00', g % 1000
                FROM generate_series(1, 5000) g""").update();
        jdbc.sql("INSERT INTO " + SCHEMA + """
                .report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at, last_pulled_at, pull_count,
                                  last_rows_changed, last_spend_delta, last_conversions_delta)
                SELECT DISTINCT workspace_id, advertiser_id, stat_date, now(), now(), 1, 0, 0, 0
                FROM """ + " " + SCHEMA + ".report_daily_facts").update();
        String before = digest();

        flyway(null).migrate();

        assertThat(digest()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".report_daily_facts").query(Long.class).single())
                .isEqualTo(5000);
        List<String> partitions = jdbc.sql("""
                        SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = CAST(:parent AS regclass) ORDER BY 1""")
                .param("parent", SCHEMA + ".report_daily_facts").query(String.class).list();
        assertThat(partitions).hasSize(2);
        assertThat(partitions.get(0)).isEqualTo("report_daily_facts_default DEFAULT");
        assertThat(partitions.get(1)).matches("report_daily_facts_legacy FOR VALUES FROM \\(MINVALUE\\) TO \\('\\d{4}-\\d{2}-01'\\)");
        // no row went to the default partition; the old table's key serves the parent's
        assertThat(jdbc.sql("SELECT count(*) FROM " + SCHEMA + ".report_daily_facts_default").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_inherits
                        WHERE inhrelid = CAST(:index AS regclass) AND inhparent = CAST(:parent AS regclass)""")
                .param("index", SCHEMA + ".report_daily_facts_legacy_pkey")
                .param("parent", SCHEMA + ".report_daily_facts_pkey").query(Long.class).single()).isEqualTo(1);
    }

    private String digest() {
        return jdbc.sql("SELECT md5(string_agg(r::text, E'\\n' ORDER BY r::text)) FROM (SELECT " + ROW + " FROM "
                + SCHEMA + ".report_daily_facts) r").query(String.class).single();
    }

    /** The last migration before V2026_12_04_1940 (whichever module it belongs to). */
    private String beforePartitioning() throws java.sql.SQLException {
        org.flywaydb.core.api.MigrationVersion first = org.flywaydb.core.api.MigrationVersion.fromVersion("2026.12.04.1940");
        return java.util.Arrays.stream(flyway(null).info().all()).map(org.flywaydb.core.api.MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(first) < 0).max(Comparable::compareTo).orElseThrow().getVersion();
    }

    private Flyway flyway(String target) throws java.sql.SQLException {
        // a connection of its own: Flyway sets the search path, which must not stay on a pooled connection
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        var configuration = Flyway.configure().dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
                .locations("classpath:db/migration")
                .schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
