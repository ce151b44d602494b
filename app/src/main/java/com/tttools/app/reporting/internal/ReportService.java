package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs report queries: one grouped SQL over {@code report_daily_facts} (on the index that starts with the
 * workspace), bases summed per group and currency, ratios computed from the sums.
 */
@Service
class ReportService implements Reports {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final ReportingProperties properties;
    private final Clock clock;

    ReportService(JdbcClient jdbc, javax.sql.DataSource dataSource, ReportingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ReportResult run(WorkspaceId workspaceId, ReportQuery query) {
        List<ReportResult.Row> rows = rows(workspaceId, query);
        boolean hasMore = rows.size() > query.limit();
        if (hasMore) {
            rows = rows.subList(0, query.limit());
        }
        List<ReportResult.Total> totals = totals(workspaceId, query);
        List<ReportResult.Total> previous = totals(workspaceId, query.previousPeriod());
        List<String> currencies = totals.stream().map(ReportResult.Total::currency).toList();
        List<String> warnings = new ArrayList<>();
        if (currencies.size() > 1) {
            warnings.add("The advertisers in this report use different currencies (" + String.join(", ", currencies)
                    + "): totals are given per currency.");
        }
        return new ReportResult(rows, totals, previous, dates(query), currencies, warnings, hasMore);
    }

    @Override
    @Transactional(readOnly = true)
    public long stream(WorkspaceId workspaceId, ReportQuery query, java.util.function.Consumer<ReportResult.Row> out) {
        // A cursor-backed result set (fetch size inside a transaction) keeps memory flat for any number of rows.
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template);
        long[] count = {0};
        named.query(rowsSql(query, false), params(workspaceId, query, Integer.MAX_VALUE, 0), rs -> {
            out.accept(row(rs, query));
            count[0]++;
        });
        return count[0];
    }

    private List<ReportResult.Row> rows(WorkspaceId workspaceId, ReportQuery query) {
        return jdbc.sql(rowsSql(query, true)).paramSource(params(workspaceId, query, query.limit() + 1, query.offset()))
                .query((rs, i) -> row(rs, query)).list();
    }

    private static String rowsSql(ReportQuery query, boolean paged) {
        String groupColumns = (query.byDate() ? "stat_date, " : "") + (query.byEntity() ? "entity_id, advertiser_id, " : "")
                + "currency";
        String order = (query.byDate() ? "stat_date, " : "") + (query.byEntity() ? "sum(spend) DESC, entity_id, " : "")
                + "currency";
        return "SELECT " + groupColumns + """
                , sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks,
                  sum(conversions) AS conversions, sum(results) AS results, sum(video_views) AS video_views,
                  CASE WHEN count(*) = 1 THEN max(reach) END AS reach
                FROM report_daily_facts
                WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN :from AND :to
                  AND (cardinality(CAST(:advertisers AS text[])) = 0 OR advertiser_id = ANY(CAST(:advertisers AS text[])))
                GROUP BY """ + " " + groupColumns + " ORDER BY " + order + (paged ? " LIMIT :limit OFFSET :offset" : "");
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(WorkspaceId workspaceId,
            ReportQuery query, int limit, int offset) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("ws", workspaceId.value()).addValue("level", query.level().name())
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()))
                .addValue("advertisers", query.advertiserIds().toArray(String[]::new))
                .addValue("limit", limit).addValue("offset", offset);
    }

    private static ReportResult.Row row(ResultSet rs, ReportQuery query) throws SQLException {
        return new ReportResult.Row(
                query.byDate() ? rs.getDate("stat_date").toLocalDate() : null,
                query.byEntity() ? rs.getString("entity_id") : null,
                query.byEntity() ? rs.getString("advertiser_id") : null,
                rs.getString("currency"), metrics(query.metrics(), bases(rs)));
    }

    private List<ReportResult.Total> totals(WorkspaceId workspaceId, ReportQuery query) {
        return jdbc.sql("""
                        SELECT currency, sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks,
                               sum(conversions) AS conversions, sum(results) AS results, sum(video_views) AS video_views,
                               NULL::bigint AS reach
                        FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN :from AND :to
                          AND (cardinality(CAST(:advertisers AS text[])) = 0 OR advertiser_id = ANY(CAST(:advertisers AS text[])))
                        GROUP BY currency ORDER BY currency""")
                .param("ws", workspaceId.value()).param("level", query.level().name())
                .param("from", Date.valueOf(query.from())).param("to", Date.valueOf(query.to()))
                .param("advertisers", query.advertiserIds().toArray(String[]::new))
                .query((rs, i) -> new ReportResult.Total(rs.getString("currency"),
                        metrics(query.metrics().stream().filter(Metric::additive).toList(), bases(rs))))
                .list();
    }

    /** Dates inside the restatement window are provisional: TikTok may still revise them. */
    private List<ReportResult.DateStatus> dates(ReportQuery query) {
        LocalDate settledThrough = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.restatementDays() + 1L);
        List<ReportResult.DateStatus> dates = new ArrayList<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            dates.add(new ReportResult.DateStatus(d, d.isAfter(settledThrough) ? "PROVISIONAL" : "SETTLED"));
        }
        return dates;
    }

    private static Metric.Bases bases(ResultSet rs) throws SQLException {
        long reach = rs.getLong("reach");
        Long reachOrNull = rs.wasNull() ? null : reach;
        BigDecimal spend = rs.getBigDecimal("spend");
        BigDecimal exact = spend == null ? BigDecimal.ZERO : spend.stripTrailingZeros();
        return new Metric.Bases(exact.scale() < 0 ? exact.setScale(0) : exact,
                rs.getLong("impressions"), rs.getLong("clicks"), rs.getLong("conversions"), rs.getLong("results"),
                rs.getLong("video_views"), reachOrNull);
    }

    private static Map<String, Object> metrics(List<Metric> metrics, Metric.Bases bases) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            values.put(metric.apiName(), metric.value(bases));
        }
        return values;
    }
}
