package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The fact writer's two paths (append for new days, merge for known ones), its binary encoding and its ledger. */
class FactWriterIT extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-02T04:30:00.123456Z");
    static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    @Autowired
    FactWriter writer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void valuesComeBackExactlyAsWritten() {
        WorkspaceId ws = WorkspaceId.random();
        String longName = "x".repeat(70_000) + "é";
        List<FactRow> rows = List.of(
                ad("1", DAY, "0", null, "USD"),
                ad("2", DAY, "0.000001", "", "USD"),
                ad("3", DAY, "12345678901234.123456", "comma, \"quotes\"\nand a line", "USD"),
                ad("4", DAY, "1E+3", "秋のセール – Größen", "JPY"),
                ad("5", DAY, "-5.25", longName, "EUR"),
                ad("6", DAY, "15000", "plain", "KRW"),
                ad("7", DAY, "0.05", "p", "USD"),
                ad("8", DAY, "10000", "p", "USD"),
                ad("9", DAY, "99999999.99", "p", "USD"),
                ad("10", DAY, "0.1234567", "rounded to six decimals", "USD"),
                new FactRow(ReportLevel.CAMPAIGN, "c1", DAY, "adv", "c1", null, "Campaign", "USD", new BigDecimal("12.30"),
                        5, 4, 3, 2, 1, null, null));
        assertThat(writer.write(ws, rows, NOW)).isEqualTo(rows.size());

        Map<String, Map<String, Object>> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT entity_id, level, stat_date, advertiser_id, campaign_id, adgroup_id, entity_name, currency,
                               spend, impressions, clicks, conversions, results, video_views, reach, pulled_at
                        FROM report_daily_facts WHERE workspace_id = :ws""").param("ws", ws.value())
                .query((rs, i) -> {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 2; c <= 16; c++) {
                        row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                    }
                    return stored.put(rs.getString(1), row);
                }).list();
        assertThat(stored).hasSize(rows.size());
        for (FactRow r : rows) {
            Map<String, Object> s = stored.get(r.entityId());
            assertThat(s.get("level")).isEqualTo(r.level().name());
            assertThat(((java.sql.Date) s.get("stat_date")).toLocalDate()).isEqualTo(r.date());
            assertThat(s.get("advertiser_id")).isEqualTo(r.advertiserId());
            assertThat(s.get("campaign_id")).isEqualTo(r.campaignId());
            assertThat(s.get("adgroup_id")).isEqualTo(r.adgroupId());
            assertThat(s.get("entity_name")).as("name of " + r.entityId()).isEqualTo(r.entityName());
            assertThat(s.get("currency")).isEqualTo(r.currency());
            assertThat((BigDecimal) s.get("spend")).as("spend of " + r.entityId())
                    .isEqualByComparingTo(r.spend().setScale(6, java.math.RoundingMode.HALF_UP));
            assertThat(List.of(s.get("impressions"), s.get("clicks"), s.get("conversions"), s.get("results"),
                    s.get("video_views"))).containsExactly(r.impressions(), r.clicks(), r.conversions(), r.results(),
                    r.videoViews());
            assertThat(s.get("reach")).isEqualTo(r.reach());
            assertThat(((java.sql.Timestamp) s.get("pulled_at")).toInstant()).isEqualTo(NOW);
        }
    }

    @Test
    void aFirstPullIsAppendedWithItsLedgerAndARePullOfTheSameNumbersChangesNothing() {
        WorkspaceId ws = WorkspaceId.random();
        List<FactRow> rows = days(DAY, 3);
        assertThat(writer.write(ws, rows, NOW)).isEqualTo(rows.size());
        assertThat(ledger(ws, DAY)).containsExactly(1, 3, new BigDecimal("10.500000"), 7);

        assertThat(writer.write(ws, rows, NOW.plusSeconds(60))).isZero();
        assertThat(ledger(ws, DAY)).containsExactly(2, 0, new BigDecimal("0.000000"), 0);

        List<FactRow> revised = new ArrayList<>(rows);
        revised.replaceAll(r -> r.date().equals(DAY) && r.level() == ReportLevel.ADVERTISER
                ? new FactRow(r.level(), r.entityId(), r.date(), r.advertiserId(), null, null, r.entityName(), r.currency(),
                        r.spend().add(new BigDecimal("1.25")), r.impressions(), r.clicks(), r.conversions() + 2, r.results(),
                        r.videoViews(), r.engagement(), r.reach())
                : r);
        assertThat(writer.write(ws, revised, NOW.plusSeconds(120))).isEqualTo(1);
        assertThat(ledger(ws, DAY)).containsExactly(3, 1, new BigDecimal("1.250000"), 2);
        assertThat(ledger(ws, DAY.plusDays(1))).containsExactly(3, 0, new BigDecimal("0.000000"), 0);
    }

    @Test
    void aBatchWithKnownAndNewDaysIsMerged() {
        WorkspaceId ws = WorkspaceId.random();
        writer.write(ws, days(DAY, 3), NOW);
        List<FactRow> overlapping = days(DAY.plusDays(2), 3);
        assertThat(writer.write(ws, overlapping, NOW.plusSeconds(60))).isEqualTo(6);
        assertThat(ledger(ws, DAY.plusDays(2))).containsExactly(2, 0, new BigDecimal("0.000000"), 0);
        assertThat(ledger(ws, DAY.plusDays(3))).containsExactly(1, 3, new BigDecimal("10.500000"), 7);
        assertThat(count(ws)).isEqualTo(15);
    }

    @Test
    void factsOfADayWithoutALedgerRowAreMergedNotDuplicated() {
        WorkspaceId ws = WorkspaceId.random();
        writer.write(ws, days(DAY, 2), NOW);
        jdbc.sql("DELETE FROM report_finality WHERE workspace_id = :ws").param("ws", ws.value()).update();
        assertThat(writer.write(ws, days(DAY, 2), NOW.plusSeconds(60))).isZero();
        assertThat(count(ws)).isEqualTo(6);
        assertThat(ledger(ws, DAY)).containsExactly(1, 0, new BigDecimal("0.000000"), 0);
    }

    @Test
    void aLargeBatchSpillsToATemporaryFileAndIsWrittenWhole() {
        WorkspaceId ws = WorkspaceId.random();
        long before = writer.spillBytes;
        writer.spillBytes = 100_000;
        try (FactWriter.Batch batch = writer.open(ws, NOW)) {
            for (int i = 0; i < 5_000; i++) {
                batch.add(ad("ad" + i, DAY.plusDays(i % 30), "1.5", "Ad " + i, "USD"));
            }
            assertThat(batch.spilled()).isTrue();
            assertThat(batch.commit()).isEqualTo(5_000);
        } finally {
            writer.spillBytes = before;
        }
        assertThat(count(ws)).isEqualTo(5_000);
        assertThat(jdbc.sql("SELECT sum(spend) FROM report_daily_facts WHERE workspace_id = :ws").param("ws", ws.value())
                .query(BigDecimal.class).single()).isEqualByComparingTo("7500");
    }

    @Test
    void aRowPostgresqlCannotStoreIsHandedBackAndTheOthersAreWritten() {
        WorkspaceId ws = WorkspaceId.random();
        List<FactRow> rejected = new ArrayList<>();
        try (FactWriter.Batch batch = writer.open(ws, NOW, rejected::add)) {
            batch.add(ad("ok1", DAY, "1.00", "Fine", "USD"));
            batch.add(ad("nul", DAY, "1.00", "Bad\u0000name", "USD"));
            batch.add(ad("surrogate", DAY, "1.00", "Bad \ud800 name", "USD"));
            batch.add(ad("ok2", DAY, "2.00", "Also fine", "USD"));
            assertThat(batch.commit()).isEqualTo(2);
        }
        assertThat(rejected).extracting(FactRow::entityId).containsExactly("nul", "surrogate");
        assertThat(count(ws)).isEqualTo(2);
    }

    private static FactRow ad(String id, LocalDate day, String spend, String name, String currency) {
        return new FactRow(ReportLevel.AD, id, day, "adv", "c1", "g1", name, currency, new BigDecimal(spend), 1000, 20, 3,
                3, 400, null, 900L);
    }

    /** Per day: the advertiser (spend 10.50, 7 conversions) and two ads. */
    private static List<FactRow> days(LocalDate first, int count) {
        List<FactRow> rows = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            LocalDate day = first.plusDays(d);
            rows.add(new FactRow(ReportLevel.ADVERTISER, "adv", day, "adv", null, null, "Advertiser", "USD",
                    new BigDecimal("10.50"), 2000, 40, 7, 7, 800, null, 1500L));
            rows.add(ad("a1", day, "5.25", "Ad 1", "USD"));
            rows.add(ad("a2", day, "5.25", "Ad 2", "USD"));
        }
        return rows;
    }

    private long count(WorkspaceId ws) {
        return jdbc.sql("SELECT count(*) FROM report_daily_facts WHERE workspace_id = :ws").param("ws", ws.value())
                .query(Long.class).single();
    }

    /** pull_count, last_rows_changed, last_spend_delta, last_conversions_delta. */
    private List<Object> ledger(WorkspaceId ws, LocalDate day) {
        return jdbc.sql("""
                        SELECT pull_count, last_rows_changed, last_spend_delta, last_conversions_delta FROM report_finality
                        WHERE workspace_id = :ws AND advertiser_id = 'adv' AND stat_date = :day""")
                .param("ws", ws.value()).param("day", java.sql.Date.valueOf(day))
                .query((rs, i) -> List.<Object>of(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4)))
                .single();
    }
}
