package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollups (docs/reporting.md, "Rollups": weekly, monthly, per advertiser and day) answer exactly as the daily
 * facts: a seeded world of facts written through the fact writer (new days, then corrections, renames, moves to
 * another parent and re-pulls of past days through the merge), trimmed by retention's batches and as a partition drop
 * trims it; after each step (and after every retention batch), reports over random ranges (whole and partial months
 * and weeks, every level, by entity, by date or per currency only, filters, sorts, pages, also in a reporting currency)
 * are equal with the rollups and with the daily facts alone, and each rollup holds exactly the sums of the daily facts
 * per bucket.
 */
class FactRollupsIT extends IntegrationTest {

    static final LocalDate FIRST = LocalDate.of(2026, 6, 17);
    static final int DAYS = 110;
    static final Instant NOW = Instant.parse("2026-10-20T04:30:00Z");
    static final List<Metric> METRICS = List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS, Metric.CONVERSIONS,
            Metric.CTR, Metric.CPC, Metric.COST_PER_CONVERSION, Metric.LIKES, Metric.VIDEO_VIEWS_P100,
            Metric.ENGAGEMENT_RATE);

    @Autowired
    FactWriter writer;
    @Autowired
    FactRollups rollups;
    @Autowired
    com.tttools.app.reporting.Reports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ReportFactRetention retention;
    @Autowired
    FactPartitions partitions;

    private final WorkspaceId ws = WorkspaceId.random();

    @AfterEach
    void rollupsBackOn() {
        service().rollups = true;
        jdbc.sql("DELETE FROM report_daily_facts WHERE workspace_id = :ws").param("ws", ws.value()).update();
        for (FactRollups.Rollup rollup : FactRollups.Rollup.values()) {
            jdbc.sql("DELETE FROM " + rollup.table + " WHERE workspace_id = :ws").param("ws", ws.value()).update();
        }
        jdbc.sql("DELETE FROM report_finality WHERE workspace_id = :ws").param("ws", ws.value()).update();
    }

    @Test
    void reportsFromTheRollupEqualReportsFromTheDailyFacts() {
        SplittableRandom random = new SplittableRandom(20_261_205L);
        World world = new World(random);
        // new days, window by window (the append path)
        for (int start = 0; start < DAYS; start += 30) {
            for (String advertiser : World.ADVERTISERS) {
                writer.write(ws, world.window(advertiser, start, Math.min(DAYS, start + 30), random, 0), NOW);
            }
        }
        assertSame(random, "after the first pulls");

        // re-pulls of past windows: some values revised, some names and parents changed, most rows unchanged (merge)
        for (int round = 1; round <= 3; round++) {
            int start = random.nextInt(DAYS - 20);
            for (String advertiser : World.ADVERTISERS) {
                writer.write(ws, world.window(advertiser, start, start + 20, random, round), NOW.plusSeconds(round));
            }
            assertSame(random, "after correction round " + round);
        }

        // retention: the days before a cutoff in mid-week go in small batches, each with its share of the rollups
        LocalDate cutoff = LocalDate.of(2026, 6, 25);   // a Thursday
        int batches = 0;
        for (FactPartitions.Partition partition : partitions.list()) {
            if (!partition.overlaps(LocalDate.MIN, cutoff)) {
                continue;
            }
            for (ReportLevel level : ReportLevel.values()) {
                while (retention.deleteBatch(ws, partition.name(), level, cutoff, 40) > 0) {
                    batches++;
                    assertThat(differences()).as("rollup rows that differ from the daily facts' sums after retention batch "
                            + batches).isEmpty();
                }
            }
        }
        assertThat(batches).as("retention batches").isGreaterThan(3);
        assertThat(jdbc.sql("SELECT count(*) FROM report_daily_facts WHERE workspace_id = :ws AND stat_date < :before")
                .param("ws", ws.value()).param("before", cutoff).query(Long.class).single()).isZero();
        assertSame(random, "after retention");

        // a month's partition dropped (here the workspace's rows of it, then the same correction as after a drop)
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM report_daily_facts WHERE workspace_id = :ws AND stat_date BETWEEN '2026-07-01' AND '2026-07-31'")
                    .param("ws", ws.value()).update();
            rollups.forgetPartition(ws, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1));
        });
        assertSame(random, "after a month was dropped");
    }

    @Test
    void theComparisonNoticesARollupThatWasNotKept() {
        SplittableRandom random = new SplittableRandom(7L);
        World world = new World(random);
        for (String advertiser : World.ADVERTISERS) {
            writer.write(ws, world.window(advertiser, 0, 60, random, 0), NOW);
        }
        assertThat(differences()).isEmpty();
        // a whole month (monthly rollup), whole weeks (weekly rollup), and per date without entities (per advertiser)
        List<ReportQuery> queries = List.of(
                query(ReportLevel.AD, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31), false, true,
                        ReportQuery.Filters.NONE, null, 100),
                query(ReportLevel.AD, LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 19), false, true,
                        ReportQuery.Filters.NONE, null, 100),
                query(ReportLevel.AD, LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 9), true, false,
                        ReportQuery.Filters.NONE, null, 100));
        for (ReportQuery query : queries) {
            assertThat(run(query, true)).isEqualTo(run(query, false));
        }

        // a fact changed behind the writer's back: no rollup agrees any more, and both checks see it in each
        jdbc.sql("UPDATE report_daily_facts SET spend = spend + 1 WHERE workspace_id = :ws AND level = 'AD'"
                        + " AND stat_date = '2026-07-08'")
                .param("ws", ws.value()).update();
        for (FactRollups.Rollup rollup : FactRollups.Rollup.values()) {
            assertThat(differences(rollup)).as(rollup.table).isNotEmpty();
        }
        for (ReportQuery query : queries) {
            assertThat(run(query, true)).as(query.toString()).isNotEqualTo(run(query, false));
        }
    }

    @Test
    void aRangeSplitsIntoMonthsWeeksAndDays() {
        // 90 days from a Thursday: 2 days, August and September, 4 buckets of October, 2 days
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 7, 30), LocalDate.of(2026, 10, 27)).orElseThrow().pieces())
                .containsExactly(new FactRollups.Piece(null, LocalDate.of(2026, 7, 30), LocalDate.of(2026, 7, 31)),
                        new FactRollups.Piece(FactRollups.Rollup.MONTHS, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30)),
                        new FactRollups.Piece(FactRollups.Rollup.WEEKS, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 25)),
                        new FactRollups.Piece(null, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 27)));
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 7, 30), LocalDate.of(2026, 10, 27)).orElseThrow().pieces()
                .get(2).lastBucket()).isEqualTo(LocalDate.of(2026, 10, 19));
        // whole months only
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 31)).orElseThrow().pieces())
                .containsExactly(new FactRollups.Piece(FactRollups.Rollup.MONTHS, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 31)));
        // no whole month: weeks and days, as before months were rolled up
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 6, 28), LocalDate.of(2026, 7, 27)).orElseThrow().pieces())
                .containsExactly(new FactRollups.Piece(null, LocalDate.of(2026, 6, 28), LocalDate.of(2026, 6, 28)),
                        new FactRollups.Piece(FactRollups.Rollup.WEEKS, LocalDate.of(2026, 6, 29), LocalDate.of(2026, 7, 26)),
                        new FactRollups.Piece(null, LocalDate.of(2026, 7, 27), LocalDate.of(2026, 7, 27)));
        // a month's first days that are no whole week, then a whole month
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 31)).orElseThrow().pieces())
                .containsExactly(new FactRollups.Piece(null, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30)),
                        new FactRollups.Piece(FactRollups.Rollup.MONTHS, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)));
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 12))).isEmpty();
    }

    @Test
    void bucketsAreWeeksCutAtMonthBoundaries() {
        assertThat(FactRollups.bucketStart(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 1));   // Wed
        assertThat(FactRollups.bucketEnd(LocalDate.of(2026, 7, 1))).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(FactRollups.bucketStart(LocalDate.of(2026, 7, 15))).isEqualTo(LocalDate.of(2026, 7, 13));
        assertThat(FactRollups.bucketEnd(LocalDate.of(2026, 6, 29))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(FactRollups.Split.of(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 12))).isPresent();
        // Java's bucket and SQL's agree, for every rollup, around month ends and over a year's days
        for (FactRollups.Rollup rollup : FactRollups.Rollup.values()) {
            for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(5)) {
                assertThat(jdbc.sql("SELECT " + rollup.bucketOf("CAST(:d AS date)")).param("d", day)
                        .query(LocalDate.class).single()).as(rollup + " " + day).isEqualTo(rollup.start(day));
                // the bucket's last day is in the same bucket, the day after it starts the next one
                assertThat(rollup.start(rollup.end(day))).as(rollup + " " + day).isEqualTo(rollup.start(day));
                assertThat(rollup.start(rollup.end(day).plusDays(1))).as(rollup + " " + day).isEqualTo(rollup.end(day).plusDays(1));
            }
        }
    }

    /** Random reports, both ways, and the rollup against the facts' own sums. */
    private void assertSame(SplittableRandom random, String when) {
        assertThat(differences()).as("rollup rows that differ from the daily facts' sums " + when).isEmpty();
        for (int i = 0; i < 24; i++) {
            LocalDate from = FIRST.plusDays(random.nextInt(DAYS - 1));
            LocalDate to = from.plusDays(random.nextInt((int) Math.min(95, FIRST.plusDays(DAYS).toEpochDay() - from.toEpochDay())));
            ReportLevel level = ReportLevel.values()[random.nextInt(4)];
            boolean byEntity = random.nextInt(4) > 0;
            boolean byDate = random.nextInt(4) == 0;
            ReportQuery.Filters filters = switch (random.nextInt(5)) {
                case 0 -> new ReportQuery.Filters(List.of(World.ADVERTISERS.get(1)), List.of(), List.of(), null, null);
                case 1 -> new ReportQuery.Filters(List.of(), List.of("c1", "c3"), List.of(), null, null);
                case 2 -> new ReportQuery.Filters(List.of(), List.of(), List.of(), null, "renamed");
                default -> ReportQuery.Filters.NONE;
            };
            // other sorts than the default only for entity rows (as the API allows)
            ReportQuery.Sort sort = !byEntity || byDate ? null : switch (random.nextInt(4)) {
                case 0 -> new ReportQuery.Sort("ctr", true);
                case 1 -> new ReportQuery.Sort("name", false);
                default -> null;
            };
            ReportQuery query = query(level, from, to, byDate, byEntity, filters, sort, 1 + random.nextInt(12));
            ReportResult rolled = run(query, true);
            assertThat(rolled).as(when + ": " + query).isEqualTo(run(query, false));
            ReportQuery converted = query.inCurrency("USD");
            assertThat(run(converted, true)).as(when + " in USD: " + query).isEqualTo(run(converted, false));
        }
    }

    private ReportResult run(ReportQuery query, boolean withRollup) {
        service().rollups = withRollup;
        return reports.run(ws, query);
    }

    private ReportService service() {
        return AopTestUtils.getUltimateTargetObject(reports);
    }

    private static ReportQuery query(ReportLevel level, LocalDate from, LocalDate to, boolean byDate, boolean byEntity,
            ReportQuery.Filters filters, ReportQuery.Sort sort, int limit) {
        return new ReportQuery(level, from, to, METRICS, byDate, byEntity, filters, sort, limit, 0);
    }

    /** {@link #differences(FactRollups.Rollup)} of every rollup. */
    private List<String> differences() {
        List<String> out = new ArrayList<>();
        for (FactRollups.Rollup rollup : FactRollups.Rollup.values()) {
            out.addAll(differences(rollup));
        }
        return out;
    }

    /** Rollup rows that are not the sums of the workspace's daily facts per bucket, and sums without a rollup row. */
    private List<String> differences(FactRollups.Rollup rollup) {
        String sums = String.join(", ", FactRollups.SUMS.stream().map(c -> "sum(" + c + ")::numeric").toList());
        String rolled = String.join(", ", FactRollups.SUMS.stream().map(c -> c + "::numeric").toList());
        String key = rollup.keyOf("f", "f.stat_date");
        String facts = "SELECT " + key + ", count(*), " + sums + " FROM report_daily_facts f WHERE workspace_id = :ws"
                + " GROUP BY " + key;
        String rolledUp = "SELECT " + rollup.key + ", facts, " + rolled + " FROM " + rollup.table + " WHERE workspace_id = :ws";
        List<String> out = new ArrayList<>();
        out.addAll(jdbc.sql("(" + facts + ") EXCEPT (" + rolledUp + ")").param("ws", ws.value())
                .query((rs, i) -> "missing or wrong in " + rollup.table + ": " + rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getString(3)).list());
        out.addAll(jdbc.sql("(" + rolledUp + ") EXCEPT (" + facts + ")").param("ws", ws.value())
                .query((rs, i) -> "not in the facts (" + rollup.table + "): " + rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getString(3)).list());
        return out;
    }

    /**
     * Two advertisers (USD, EUR), 4 campaigns, 8 ad groups, 16 ads with their own flights; parents are the sums of
     * their children. A correction round revises some values, renames an ad, moves an ad group to another campaign.
     */
    static final class World {

        static final List<String> ADVERTISERS = List.of("adv-usd", "adv-eur");
        private final int[] flightStart = new int[16];
        private final int[] flightEnd = new int[16];

        World(SplittableRandom random) {
            for (int ad = 0; ad < 16; ad++) {
                flightStart[ad] = random.nextInt(DAYS / 2);
                flightEnd[ad] = flightStart[ad] + 20 + random.nextInt(DAYS);
            }
        }

        List<FactRow> window(String advertiser, int from, int to, SplittableRandom random, int round) {
            int a = ADVERTISERS.indexOf(advertiser);
            String currency = a == 0 ? "USD" : "EUR";
            List<FactRow> rows = new ArrayList<>();
            for (int d = from; d < to; d++) {
                LocalDate day = FIRST.plusDays(d);
                long[] advTotals = new long[4];
                BigDecimal advSpend = BigDecimal.ZERO;
                for (int c = 0; c < 2; c++) {
                    String campaign = "c" + (a * 2 + c);
                    long[] campTotals = new long[4];
                    BigDecimal campSpend = BigDecimal.ZERO;
                    boolean campDelivered = false;
                    for (int g = 0; g < 2; g++) {
                        String adgroup = "g" + (a * 4 + c * 2 + g);
                        // a correction moves one ad group to the advertiser's other campaign
                        String parent = round > 1 && g == 1 && c == 0 ? "c" + (a * 2 + 1) : campaign;
                        long[] groupTotals = new long[4];
                        BigDecimal groupSpend = BigDecimal.ZERO;
                        boolean delivered = false;
                        for (int x = 0; x < 2; x++) {
                            int ad = a * 8 + c * 4 + g * 2 + x;
                            if (d < flightStart[ad] || d > flightEnd[ad] || random.nextInt(20) == 0) {
                                continue;
                            }
                            delivered = true;
                            long impressions = 200 + random.nextInt(5000) + (round > 0 && random.nextInt(3) == 0 ? round : 0);
                            long clicks = impressions / (10 + random.nextInt(50));
                            long conversions = clicks / (2 + random.nextInt(8));
                            BigDecimal spend = BigDecimal.valueOf(impressions * (200 + random.nextInt(900)), 5);
                            String name = round > 0 && ad % 5 == 0 ? "Ad " + ad + " renamed in round " + round : "Ad " + ad;
                            int[] engagement = new int[FactRow.ENGAGEMENT.size()];
                            for (int e = 0; e < engagement.length; e++) {
                                engagement[e] = random.nextInt(50);
                            }
                            rows.add(new FactRow(ReportLevel.AD, "ad" + ad, day, advertiser, parent, adgroup, name, currency,
                                    spend, impressions, clicks, conversions, conversions, impressions / 3, engagement,
                                    impressions / 2));
                            groupSpend = groupSpend.add(spend);
                            add(groupTotals, impressions, clicks, conversions);
                        }
                        if (delivered) {
                            rows.add(new FactRow(ReportLevel.ADGROUP, adgroup, day, advertiser, parent, null,
                                    "Group " + adgroup, currency, groupSpend, groupTotals[0], groupTotals[1],
                                    groupTotals[2], groupTotals[2], 0, null, groupTotals[0] / 2));
                            campSpend = campSpend.add(groupSpend);
                            add(campTotals, groupTotals[0], groupTotals[1], groupTotals[2]);
                            campDelivered = true;
                        }
                    }
                    if (campDelivered) {
                        rows.add(new FactRow(ReportLevel.CAMPAIGN, campaign, day, advertiser, campaign, null,
                                "Campaign " + campaign, currency, campSpend, campTotals[0], campTotals[1], campTotals[2],
                                campTotals[2], 0, null, null));
                        advSpend = advSpend.add(campSpend);
                        add(advTotals, campTotals[0], campTotals[1], campTotals[2]);
                    }
                }
                rows.add(new FactRow(ReportLevel.ADVERTISER, advertiser, day, advertiser, null, null, "Advertiser " + a,
                        currency, advSpend, advTotals[0], advTotals[1], advTotals[2], advTotals[2], 0, null, null));
            }
            return rows;
        }

        private static void add(long[] totals, long impressions, long clicks, long conversions) {
            totals[0] += impressions;
            totals[1] += clicks;
            totals[2] += conversions;
        }
    }
}
