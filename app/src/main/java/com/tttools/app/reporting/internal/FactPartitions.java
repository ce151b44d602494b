package com.tttools.app.reporting.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partitions of {@code report_daily_facts} (RANGE on {@code stat_date}, see docs/reporting.md, "Facts by
 * month"): one per month named {@code report_daily_facts_yYYYYmMM}, possibly the table from before partitioning
 * ({@code report_daily_facts_legacy}, every day up to a bound), and {@code report_daily_facts_default}, which holds a
 * row only when no partition covered its day (it should stay empty). Read from the catalogue, never remembered, so
 * that every instance sees what another created or dropped.
 */
@Component
class FactPartitions {

    static final String PARENT = "report_daily_facts";
    static final String DEFAULT = "report_daily_facts_default";
    private static final Logger log = LoggerFactory.getLogger(FactPartitions.class);
    private static final Pattern BOUNDS = Pattern.compile(
            "FOR VALUES FROM \\((?:MINVALUE|'(\\d{4}-\\d{2}-\\d{2})')\\) TO \\((?:MAXVALUE|'(\\d{4}-\\d{2}-\\d{2})')\\)");
    private static final Pattern NAME = Pattern.compile("report_daily_facts_[a-z0-9_]+");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FactRollups rollups;

    FactPartitions(JdbcClient jdbc, PlatformTransactionManager transactionManager, FactRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * A range partition: the days {@code from} (null: unbounded) up to {@code to} exclusive (null: unbounded).
     */
    record Partition(String name, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }

        boolean overlaps(LocalDate start, LocalDate end) {
            return (from == null || from.isBefore(end)) && (to == null || start.isBefore(to));
        }
    }

    /** The range partitions (not the default one), ordered by their first day. */
    List<Partition> list() {
        return jdbc.sql("""
                        SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent = CAST(:parent AS regclass)
                        """)
                .param("parent", PARENT)
                .query((rs, n) -> parse(rs.getString(1), rs.getString(2)))
                .list().stream().flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(p -> p.from() == null ? LocalDate.MIN : p.from()))
                .toList();
    }

    static Optional<Partition> parse(String name, String bound) {
        Matcher m = BOUNDS.matcher(bound);
        if (!m.matches()) {
            return Optional.empty();   // the DEFAULT partition
        }
        return Optional.of(new Partition(name, m.group(1) == null ? null : LocalDate.parse(m.group(1)),
                m.group(2) == null ? null : LocalDate.parse(m.group(2))));
    }

    static String monthName(YearMonth month) {
        return String.format("report_daily_facts_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    /**
     * Creates the monthly partitions of the months that no partition covers yet; returns those it created. A month
     * whose rows sit in the default partition cannot get one (PostgreSQL refuses, the rows would be misplaced): it is
     * logged and skipped, the rows stay readable and {@link #defaultRows} reports them.
     */
    List<YearMonth> ensure(Collection<YearMonth> months) {
        List<Partition> existing = list();
        List<YearMonth> created = new java.util.ArrayList<>();
        for (YearMonth month : new TreeSet<>(months)) {
            LocalDate first = month.atDay(1);
            LocalDate next = month.plusMonths(1).atDay(1);
            if (existing.stream().anyMatch(p -> p.overlaps(first, next))) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> {
                    // the parent is locked briefly; a long report in the way makes this attempt give up, not queue
                    // every other reader behind it
                    jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
                    jdbc.sql("CREATE TABLE IF NOT EXISTS " + monthName(month) + " PARTITION OF " + PARENT
                            + " FOR VALUES FROM ('" + first + "') TO ('" + next + "')").update();
                });
                created.add(month);
            } catch (DataAccessException e) {
                if (list().stream().noneMatch(p -> p.covers(first))) {
                    log.error("Could not create the report facts partition of {}: {}", month,
                            e.getMostSpecificCause().getMessage());
                }
            }
        }
        return created;
    }

    /** The rows of the default partition (up to {@code limit}): the months they belong to, with how many. */
    List<Stray> defaultRows(int limit) {
        return jdbc.sql("""
                        SELECT date_trunc('month', stat_date)::date AS month, count(*) AS n
                        FROM (SELECT stat_date FROM report_daily_facts_default LIMIT :limit) d
                        GROUP BY 1 ORDER BY 1
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Stray(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2)))
                .list();
    }

    record Stray(YearMonth month, long rows) {
    }

    /** The workspaces with rows in the partition (a skip scan over its primary key, which starts with them). */
    List<UUID> workspacesIn(String partition) {
        String table = checked(partition);
        return jdbc.sql("WITH RECURSIVE ws (id) AS ("
                        + " (SELECT workspace_id FROM " + table + " ORDER BY workspace_id LIMIT 1)"
                        + " UNION ALL SELECT (SELECT f.workspace_id FROM " + table + " f WHERE f.workspace_id > ws.id"
                        + " ORDER BY f.workspace_id LIMIT 1) FROM ws WHERE ws.id IS NOT NULL)"
                        + " SELECT id FROM ws WHERE id IS NOT NULL")
                .query(UUID.class).list();
    }

    /**
     * Drops a whole partition with its rows; returns how many rows it held, or -1 if it could not be locked in time
     * (a long report was reading the parent: the next run tries again).
     */
    long drop(String partition) {
        String table = checked(partition);
        Optional<Partition> bounds = list().stream().filter(p -> p.name().equals(table)).findFirst();
        try {
            Long rows = transactions.execute(status -> {
                jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
                long n = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
                List<UUID> workspaces = workspacesIn(table);
                jdbc.sql("DROP TABLE " + table).update();
                // the weekly rollup of those days goes with them, in the same transaction
                bounds.ifPresent(p -> workspaces.forEach(ws -> rollups.forgetPartition(
                        new com.tttools.app.shared.WorkspaceId(ws), p.from(), p.to() == null ? LocalDate.of(9999, 12, 31) : p.to())));
                return n;
            });
            return rows == null ? 0 : rows;
        } catch (DataAccessException e) {
            log.warn("Could not drop the report facts partition {}: {}", partition, e.getMostSpecificCause().getMessage());
            return -1;
        }
    }

    static String checked(String partition) {
        if (!NAME.matcher(partition).matches()) {
            throw new IllegalArgumentException("Not a report facts partition: " + partition);
        }
        return partition;
    }
}
