package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts' monthly partitions: the writer puts every row in its month's partition (creating it), the daily task
 * creates the coming months and reports rows in the default partition, and retention drops whole partitions where
 * every workspace in them is past its retention and deletes row by row elsewhere. Months far from the other tests'
 * days keep the shared database's other rows out of the way.
 */
class FactPartitionsIT extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-02T04:30:00Z");

    @Autowired
    FactWriter writer;
    @Autowired
    FactPartitions partitions;
    @Autowired
    FactPartitionMaintenance maintenance;
    @Autowired
    ReportFactRetention retention;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWriterPutsEveryRowIntoItsMonthsPartitionCreatingIt() {
        WorkspaceId ws = WorkspaceId.random();
        List<FactRow> rows = List.of(row(ReportLevel.AD, "1", LocalDate.of(2019, 3, 31)),
                row(ReportLevel.AD, "1", LocalDate.of(2019, 4, 1)),
                row(ReportLevel.ADVERTISER, "adv", LocalDate.of(2019, 4, 30)));
        assertThat(writer.write(ws, rows, NOW)).isEqualTo(3);

        assertThat(partitionsOf(ws)).containsExactly(
                Map.entry(LocalDate.of(2019, 3, 31), "report_daily_facts_y2019m03"),
                Map.entry(LocalDate.of(2019, 4, 1), "report_daily_facts_y2019m04"),
                Map.entry(LocalDate.of(2019, 4, 30), "report_daily_facts_y2019m04"));
        assertThat(partitions.list()).anySatisfy(p -> assertThat(p).isEqualTo(new FactPartitions.Partition(
                "report_daily_facts_y2019m04", LocalDate.of(2019, 4, 1), LocalDate.of(2019, 5, 1))));

        // the merge path (a re-pull of known days) writes into the same partitions
        assertThat(writer.write(ws, List.of(row(ReportLevel.AD, "1", LocalDate.of(2019, 4, 1), "9.5")), NOW))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT spend FROM report_daily_facts_y2019m04 WHERE workspace_id = :ws AND entity_id = '1'")
                .param("ws", ws.value()).query(BigDecimal.class).single()).isEqualByComparingTo("9.5");
    }

    @Test
    void theDailyTaskCreatesTheComingMonthsAndReportsRowsInTheDefaultPartition() {
        FactPartitionMaintenance.Result first = maintenance.run(LocalDate.of(2031, 6, 10));
        List<FactPartitions.Partition> list = partitions.list();
        for (YearMonth month = YearMonth.of(2031, 5); !month.isAfter(YearMonth.of(2031, 9)); month = month.plusMonths(1)) {
            LocalDate day = month.atDay(15);
            assertThat(list).as("partition of %s", month).anySatisfy(p -> assertThat(p.covers(day)).isTrue());
        }
        assertThat(list).noneSatisfy(p -> assertThat(p.covers(LocalDate.of(2031, 10, 1))).isTrue());
        assertThat(first.defaultRows()).noneSatisfy(s -> assertThat(s.month()).isEqualTo(YearMonth.of(1999, 1)));

        // a day no partition covers (written around the writer) lands in the default partition: the check says so
        UUID ws = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, currency,
                                                        pulled_at)
                        VALUES (:ws, 'AD', 'stray', DATE '1999-01-07', 'adv', 'USD', now())""")
                .param("ws", ws).update();
        try {
            FactPartitionMaintenance.Result check = maintenance.run(LocalDate.of(2031, 6, 11));
            assertThat(check.created()).isEmpty();
            assertThat(check.defaultRows()).contains(new FactPartitions.Stray(YearMonth.of(1999, 1), 1));
            assertThat(meters.get("tttools.reporting.facts.default.rows").gauge().value())
                    .isEqualTo((double) check.defaultRowCount()).isGreaterThanOrEqualTo(1);
            // the month of a stray row cannot get its partition (the row would be misplaced): it stays in the default
            assertThat(partitions.ensure(List.of(YearMonth.of(1999, 1)))).isEmpty();
            assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM report_daily_facts WHERE workspace_id = :ws")
                    .param("ws", ws).query(String.class).single()).isEqualTo(FactPartitions.DEFAULT);
        } finally {
            jdbc.sql("DELETE FROM report_daily_facts WHERE workspace_id = :ws").param("ws", ws).update();
        }
        assertThat(maintenance.run(LocalDate.of(2031, 6, 12)).defaultRows())
                .noneSatisfy(s -> assertThat(s.month()).isEqualTo(YearMonth.of(1999, 1)));
    }

    @Test
    void retentionDropsWholePartitionsPastEveryWorkspacesRetentionAndDeletesTheRestRowByRow() {
        WorkspaceId a = WorkspaceId.random();   // keeps days from 2002-03-01 on
        WorkspaceId b = WorkspaceId.random();   // keeps days from 2002-01-01 on
        writer.write(a, List.of(row(ReportLevel.AD, "a1", LocalDate.of(2002, 1, 5)),
                row(ReportLevel.AD, "a1", LocalDate.of(2002, 1, 31)),
                row(ReportLevel.AD, "a1", LocalDate.of(2002, 2, 10)),
                row(ReportLevel.AD, "a1", LocalDate.of(2002, 3, 1)),
                row(ReportLevel.AD, "a1", LocalDate.of(2002, 3, 20))), NOW);
        writer.write(b, List.of(row(ReportLevel.AD, "b1", LocalDate.of(2002, 2, 10)),
                row(ReportLevel.AD, "b1", LocalDate.of(2002, 2, 28))), NOW);
        assertThat(partitions.list()).extracting(FactPartitions.Partition::name)
                .contains("report_daily_facts_y2002m01", "report_daily_facts_y2002m02", "report_daily_facts_y2002m03");

        long purged = retention.purge(new Cutoffs(Map.of(a, LocalDate.of(2002, 3, 1), b, LocalDate.of(2002, 1, 1))),
                2);

        // January held only a's rows, all past a's retention: the partition is gone
        assertThat(partitions.list()).extracting(FactPartitions.Partition::name)
                .doesNotContain("report_daily_facts_y2002m01")
                .contains("report_daily_facts_y2002m02", "report_daily_facts_y2002m03");
        // February also holds b's rows, which b keeps: a's go row by row
        assertThat(dates(a)).containsExactly(LocalDate.of(2002, 3, 1), LocalDate.of(2002, 3, 20));
        assertThat(dates(b)).containsExactly(LocalDate.of(2002, 2, 10), LocalDate.of(2002, 2, 28));
        assertThat(jdbc.sql("SELECT stat_date FROM report_finality WHERE workspace_id = :ws ORDER BY stat_date")
                .param("ws", a.value()).query(LocalDate.class).list())
                .containsExactly(LocalDate.of(2002, 3, 1), LocalDate.of(2002, 3, 20));
        assertThat(purged).isGreaterThanOrEqualTo(3 + 3);   // 2 dropped + 1 deleted facts, 3 ledger rows

        // b's retention moves past February too: the partition now goes whole
        retention.purge(new Cutoffs(Map.of(a, LocalDate.of(2002, 3, 1), b, LocalDate.of(2002, 3, 1))), 100);
        assertThat(partitions.list()).extracting(FactPartitions.Partition::name)
                .doesNotContain("report_daily_facts_y2002m02").contains("report_daily_facts_y2002m03");
        assertThat(dates(b)).isEmpty();
        assertThat(dates(a)).containsExactly(LocalDate.of(2002, 3, 1), LocalDate.of(2002, 3, 20));
    }

    /**
     * Cutoffs of the named workspaces; every other workspace (other tests' rows) keeps everything, and so does the
     * default (empty partitions of other tests stay).
     */
    record Cutoffs(Map<WorkspaceId, LocalDate> days) implements RetentionCutoffs {

        private static final Instant KEEP_ALL = Instant.parse("1900-01-01T00:00:00Z");

        @Override
        public Instant now() {
            return Instant.parse("2002-06-01T00:00:00Z");
        }

        @Override
        public Instant cutoff() {
            return KEEP_ALL;
        }

        @Override
        public Instant forOrganization(OrganizationId organizationId) {
            return KEEP_ALL;
        }

        @Override
        public Instant forWorkspace(WorkspaceId workspaceId) {
            LocalDate day = days.get(workspaceId);
            return day == null ? KEEP_ALL : day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    private List<LocalDate> dates(WorkspaceId ws) {
        return jdbc.sql("SELECT stat_date FROM report_daily_facts WHERE workspace_id = :ws ORDER BY stat_date")
                .param("ws", ws.value()).query(LocalDate.class).list();
    }

    private List<Map.Entry<LocalDate, String>> partitionsOf(WorkspaceId ws) {
        return jdbc.sql("""
                        SELECT stat_date, tableoid::regclass::text FROM report_daily_facts WHERE workspace_id = :ws
                        ORDER BY stat_date""")
                .param("ws", ws.value())
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
    }

    private static FactRow row(ReportLevel level, String id, LocalDate day) {
        return row(level, id, day, "1.25");
    }

    private static FactRow row(ReportLevel level, String id, LocalDate day, String spend) {
        return new FactRow(level, id, day, "adv", level == ReportLevel.AD ? "c" : null, level == ReportLevel.AD ? "g" : null,
                "name " + id, "USD", new BigDecimal(spend), 100, 3, 1, 1, 10, null, null);
    }
}
