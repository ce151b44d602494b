package com.tttools.app.reporting.internal;

import com.tttools.app.shared.WorkspaceId;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a pull of facts in one transaction: COPY into a temporary staging table, one merge that rewrites only
 * rows whose numbers changed (so re-pulling an unchanged window writes nothing), and the finality ledger
 * (per advertiser and day: pulls, rows changed, spend and conversions delta at advertiser level).
 */
@Component
class FactWriter {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    FactWriter(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Returns how many fact rows were inserted or changed. */
    @Transactional
    public int write(WorkspaceId workspaceId, List<FactRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMP TABLE IF NOT EXISTS report_facts_staging
                        (LIKE report_daily_facts INCLUDING DEFAULTS) ON COMMIT DELETE ROWS""");
            copy(connection, workspaceId, rows, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage report facts", e);
        }
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
                               ON f.workspace_id = s.workspace_id AND f.level = s.level AND f.entity_id = s.entity_id
                              AND f.stat_date = s.stat_date
                        GROUP BY s.workspace_id, s.advertiser_id, s.stat_date
                        ON CONFLICT (workspace_id, advertiser_id, stat_date) DO UPDATE
                           SET last_pulled_at = EXCLUDED.last_pulled_at,
                               pull_count = report_finality.pull_count + 1,
                               last_rows_changed = EXCLUDED.last_rows_changed,
                               last_spend_delta = EXCLUDED.last_spend_delta,
                               last_conversions_delta = EXCLUDED.last_conversions_delta""")
                .param("now", Timestamp.from(now)).update();
        return jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                                                        adgroup_id, entity_name, currency, spend, impressions, clicks,
                                                        conversions, results, video_views, reach, pulled_at)
                        SELECT workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id, adgroup_id,
                               entity_name, currency, spend, impressions, clicks, conversions, results, video_views,
                               reach, pulled_at
                        FROM report_facts_staging
                        ON CONFLICT (workspace_id, level, entity_id, stat_date) DO UPDATE
                           SET spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks,
                               conversions = EXCLUDED.conversions, results = EXCLUDED.results,
                               video_views = EXCLUDED.video_views, reach = EXCLUDED.reach,
                               currency = EXCLUDED.currency, pulled_at = EXCLUDED.pulled_at,
                               campaign_id = EXCLUDED.campaign_id, adgroup_id = EXCLUDED.adgroup_id,
                               entity_name = EXCLUDED.entity_name
                           WHERE (report_daily_facts.spend, report_daily_facts.impressions, report_daily_facts.clicks,
                                  report_daily_facts.conversions, report_daily_facts.results,
                                  report_daily_facts.video_views, report_daily_facts.reach, report_daily_facts.currency,
                                  report_daily_facts.campaign_id, report_daily_facts.adgroup_id,
                                  report_daily_facts.entity_name)
                                 IS DISTINCT FROM (EXCLUDED.spend, EXCLUDED.impressions, EXCLUDED.clicks,
                                  EXCLUDED.conversions, EXCLUDED.results, EXCLUDED.video_views, EXCLUDED.reach,
                                  EXCLUDED.currency, EXCLUDED.campaign_id, EXCLUDED.adgroup_id, EXCLUDED.entity_name)""")
                .update();
    }

    private static void copy(Connection connection, WorkspaceId workspaceId, List<FactRow> rows, Instant now)
            throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 120);
        String ws = workspaceId.toString();
        String pulledAt = now.toString();
        for (FactRow r : rows) {
            csv.append(ws).append(',').append(r.level().name()).append(',').append(quote(r.entityId())).append(',')
                    .append(r.date()).append(',').append(quote(r.advertiserId())).append(',')
                    .append(quoteOrNull(r.campaignId())).append(',').append(quoteOrNull(r.adgroupId())).append(',')
                    .append(quoteOrNull(r.entityName())).append(',').append(quote(r.currency())).append(',').append(r.spend().toPlainString()).append(',')
                    .append(r.impressions()).append(',').append(r.clicks()).append(',').append(r.conversions())
                    .append(',').append(r.results()).append(',').append(r.videoViews()).append(',')
                    .append(r.reach() == null ? "" : r.reach().toString()).append(',').append(pulledAt).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY report_facts_staging (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                                               adgroup_id, entity_name, currency, spend,
                                               impressions, clicks, conversions, results, video_views, reach, pulled_at)
                    FROM STDIN WITH (FORMAT csv)""", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unquoted empty field is NULL in COPY's CSV format; a quoted one is the empty string. */
    private static String quoteOrNull(String value) {
        return value == null ? "" : quote(value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
