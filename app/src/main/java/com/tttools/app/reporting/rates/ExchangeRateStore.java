package com.tttools.app.reporting.rates;

import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reference rates (instance-wide: the ECB's, or simulator mode's fixed table) and the rates a workspace's admins
 * entered (tenant data, every query by workspace). On a date both have, the workspace's own rate wins.
 */
@Repository
public class ExchangeRateStore {

    /** The source a workspace's own rates are labelled with. */
    public static final String WORKSPACE_SOURCE = "entered in this workspace";

    /** A rate a workspace entered. */
    public record WorkspaceRate(String currency, LocalDate date, BigDecimal perEur, Instant updatedAt) {
    }

    /** The newest reference date and how many currencies it has, per source. */
    public record ReferenceStatus(String source, LocalDate latestDate, int currencies, Instant fetchedAt) {
    }

    private final JdbcClient jdbc;

    ExchangeRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rates converting {@code currencies} over {@code from..to}: every rate in the range and, per currency, the
     * latest before it (the first days may need it). EUR needs none.
     */
    public RateTable table(WorkspaceId workspaceId, Collection<String> currencies, LocalDate from, LocalDate to) {
        String[] codes = currencies.stream().filter(c -> !"EUR".equals(c)).distinct().toArray(String[]::new);
        RateTable.Builder table = RateTable.builder();
        if (codes.length == 0) {
            return table.build();
        }
        String reference = """
                SELECT currency, rate_date, per_eur, source FROM reporting_exchange_rates
                WHERE currency = ANY(CAST(:codes AS text[])) AND rate_date BETWEEN :from AND :to
                UNION ALL
                (SELECT DISTINCT ON (currency) currency, rate_date, per_eur, source FROM reporting_exchange_rates
                 WHERE currency = ANY(CAST(:codes AS text[])) AND rate_date < :from ORDER BY currency, rate_date DESC)""";
        String own = """
                SELECT currency, rate_date, per_eur, '%s' AS source FROM reporting_workspace_rates
                WHERE workspace_id = :ws AND currency = ANY(CAST(:codes AS text[])) AND rate_date BETWEEN :from AND :to
                UNION ALL
                (SELECT DISTINCT ON (currency) currency, rate_date, per_eur, '%s' AS source FROM reporting_workspace_rates
                 WHERE workspace_id = :ws AND currency = ANY(CAST(:codes AS text[])) AND rate_date < :from
                 ORDER BY currency, rate_date DESC)""".formatted(WORKSPACE_SOURCE, WORKSPACE_SOURCE);
        // the workspace's own rates are added last: on the same date they replace the reference rate
        for (String sql : List.of(reference, own)) {
            jdbc.sql(sql).param("codes", codes).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                    .param("ws", workspaceId.value())
                    .query((rs, i) -> table.add(rs.getString("currency"), rs.getObject("rate_date", LocalDate.class),
                            rs.getBigDecimal("per_eur"), rs.getString("source")))
                    .list();
        }
        return table.build();
    }

    /** Stores reference rates; a rate already stored with the same value is left alone. Returns rows written. */
    public int saveReference(List<RateTable.Rate> rates, Instant fetchedAt) {
        if (rates.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO reporting_exchange_rates (currency, rate_date, per_eur, source, fetched_at)
                        SELECT * FROM unnest(CAST(:currencies AS text[]), CAST(:dates AS date[]), CAST(:rates AS numeric[]),
                                             CAST(:sources AS text[])) AS r, (SELECT CAST(:at AS timestamptz)) AS t
                        ON CONFLICT (currency, rate_date) DO UPDATE SET per_eur = excluded.per_eur, source = excluded.source,
                            fetched_at = excluded.fetched_at
                        WHERE (reporting_exchange_rates.per_eur, reporting_exchange_rates.source)
                              IS DISTINCT FROM (excluded.per_eur, excluded.source)""")
                .param("currencies", rates.stream().map(RateTable.Rate::currency).toArray(String[]::new))
                .param("dates", rates.stream().map(r -> Date.valueOf(r.date())).toArray(Date[]::new))
                .param("rates", rates.stream().map(RateTable.Rate::perEur).toArray(BigDecimal[]::new))
                .param("sources", rates.stream().map(RateTable.Rate::source).toArray(String[]::new))
                .param("at", Timestamp.from(fetchedAt))
                .update();
    }

    /** The newest reference rates (one per currency, its latest date), for the rates page. */
    public List<RateTable.Rate> latestReference() {
        return jdbc.sql("""
                        SELECT DISTINCT ON (currency) currency, rate_date, per_eur, source FROM reporting_exchange_rates
                        ORDER BY currency, rate_date DESC""")
                .query((rs, i) -> new RateTable.Rate(rs.getString("currency"), rs.getObject("rate_date", LocalDate.class),
                        rs.getBigDecimal("per_eur"), rs.getString("source")))
                .list();
    }

    public List<ReferenceStatus> referenceStatus() {
        return jdbc.sql("""
                        SELECT source, max(rate_date) AS latest, count(DISTINCT currency) AS currencies, max(fetched_at) AS at
                        FROM reporting_exchange_rates GROUP BY source ORDER BY source""")
                .query((rs, i) -> new ReferenceStatus(rs.getString("source"), rs.getObject("latest", LocalDate.class),
                        rs.getInt("currencies"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public List<WorkspaceRate> workspaceRates(WorkspaceId workspaceId, int limit) {
        return jdbc.sql("""
                        SELECT currency, rate_date, per_eur, updated_at FROM reporting_workspace_rates
                        WHERE workspace_id = :ws ORDER BY rate_date DESC, currency LIMIT :limit""")
                .param("ws", workspaceId.value()).param("limit", limit)
                .query((rs, i) -> new WorkspaceRate(rs.getString("currency"), rs.getObject("rate_date", LocalDate.class),
                        rs.getBigDecimal("per_eur"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public Optional<BigDecimal> workspaceRate(WorkspaceId workspaceId, String currency, LocalDate date) {
        return jdbc.sql("""
                        SELECT per_eur FROM reporting_workspace_rates
                        WHERE workspace_id = :ws AND currency = :currency AND rate_date = :date""")
                .param("ws", workspaceId.value()).param("currency", currency).param("date", Date.valueOf(date))
                .query(BigDecimal.class).optional();
    }

    public void setWorkspaceRate(WorkspaceId workspaceId, String currency, LocalDate date, BigDecimal perEur,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO reporting_workspace_rates (workspace_id, currency, rate_date, per_eur, updated_at)
                        VALUES (:ws, :currency, :date, :rate, :now)
                        ON CONFLICT (workspace_id, currency, rate_date) DO UPDATE SET per_eur = excluded.per_eur,
                            updated_at = excluded.updated_at""")
                .param("ws", workspaceId.value()).param("currency", currency).param("date", Date.valueOf(date))
                .param("rate", perEur).param("now", Timestamp.from(now)).update();
    }

    public boolean deleteWorkspaceRate(WorkspaceId workspaceId, String currency, LocalDate date) {
        return jdbc.sql("""
                        DELETE FROM reporting_workspace_rates
                        WHERE workspace_id = :ws AND currency = :currency AND rate_date = :date""")
                .param("ws", workspaceId.value()).param("currency", currency).param("date", Date.valueOf(date))
                .update() > 0;
    }
}
