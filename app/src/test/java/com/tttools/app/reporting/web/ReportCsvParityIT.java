package com.tttools.app.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.reporting.internal.FactRow;
import com.tttools.app.reporting.internal.FactWriter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report CSV written by PostgreSQL ({@link Reports#writeCsv}) is byte for byte what the Java export wrote: the same
 * rows read through {@link Reports#run} (bound parameters, Java arithmetic) and written with {@link Csv}, over facts
 * whose ids, names and currencies are hostile to a spreadsheet (formula starts, {@code ;}, tabs, CR, LF, quotes,
 * commas with formulas after them) and whose numbers sit on rounding edges (half cents, negative amounts, zero and
 * unknown denominators), in each shape of the export, converted into a reporting currency with and without rates,
 * and filtered by names that try to leave their SQL literal.
 */
class ReportCsvParityIT extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 1);
    static final Instant NOW = Instant.parse("2026-10-01T04:30:00Z");
    static final List<String> HOSTILE = List.of("", "plain", "=1+1", "+49 30 1234", "-5", "@SUM(A1)", "\tTab first",
            "\rCR first", "a;b", "a\tb", "a,b", "a, =cmd", "a,  -x", "a,b=c", "say \"hi\"", "line\nbreak", "cr\rinside",
            "crlf\r\ninside", "Mozilla/5.0;=cmd|' /C calc'!A0", "秋のセール – Größen", "'quoted already", "back\\slash",
            "O'Brien\\", " =leading space", ",", ";", "\"", "=", "-", "%_x", "x".repeat(300) + ",=y");
    static final List<String> SPENDS = List.of("0", "0.000001", "12.345", "0.125", "1E+3", "-5.25",
            "12345678901234.123456", "99.5", "0.005", "7");
    static final long[] IMPRESSIONS = {0, 8, 800, 1_000_003, 16, 3, 7};
    static final long[] CLICKS = {0, 1, 3, 7, 2, 400, 1};
    static final Long[] REACH = {null, 0L, 5L, 123_456L, 3L};

    @Autowired
    FactWriter writer;
    @Autowired
    Reports reports;
    @Autowired
    JdbcClient jdbc;

    final WorkspaceId ws = WorkspaceId.random();

    @BeforeEach
    void hostileFacts() {
        List<String> advertisers = List.of("7001", "=adv;x", "700,2", "7004");
        List<String> currencies = List.of("USD", "JPY", "EUR", "=X;1");
        List<FactRow> rows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(43);
        int n = 0;
        for (int day = 0; day < 3; day++) {
            for (int e = 0; e < HOSTILE.size(); e++, n++) {
                int a = e % advertisers.size();
                String id = e % 3 == 0 ? HOSTILE.get(e) + "#" + e : String.valueOf(9_000_000 + e);
                String name = e % 7 == 6 ? null : HOSTILE.get((e + day) % HOSTILE.size());
                int[] engagement = new int[FactRow.ENGAGEMENT.size()];
                Arrays.setAll(engagement, i -> random.nextInt(4) == 0 ? 0 : random.nextInt(10_000));
                rows.add(new FactRow(ReportLevel.AD, id, DAY.plusDays(day), advertisers.get(a), "c" + a, "g" + a, name,
                        currencies.get(a), new BigDecimal(SPENDS.get(n % SPENDS.size())), IMPRESSIONS[n % IMPRESSIONS.length],
                        CLICKS[(n / 2) % CLICKS.length], n % 5, n % 3, n % 11, engagement, REACH[n % REACH.length]));
            }
        }
        assertThat(writer.write(ws, rows, NOW)).isEqualTo(rows.size());
        // the advertisers' currencies (which need factors) and the workspace's own rates for two of them
        for (int a = 0; a < advertisers.size(); a++) {
            if (a != 3) {
                jdbc.sql("""
                                INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                                VALUES (:ws, :id, 'A', :currency, 'UTC', now())""")
                        .param("ws", ws.value()).param("id", advertisers.get(a)).param("currency", currencies.get(a)).update();
            }
        }
        for (String[] rate : List.of(new String[] {"USD", "1.0837"}, new String[] {"JPY", "162.4913"})) {
            jdbc.sql("""
                            INSERT INTO reporting_workspace_rates (workspace_id, currency, rate_date, per_eur, updated_at)
                            VALUES (:ws, :currency, :day, CAST(:rate AS numeric), :at)""")
                    .param("ws", ws.value()).param("currency", rate[0]).param("day", Date.valueOf(DAY.minusDays(3)))
                    .param("rate", rate[1]).param("at", Timestamp.from(NOW)).update();
        }
    }

    @AfterEach
    void removeThem() {
        for (String table : List.of("report_daily_facts", "report_finality", "report_advertisers",
                "reporting_workspace_rates")) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws").param("ws", ws.value()).update();
        }
    }

    @Test
    void everyShapeIsTheJavaExportByteForByte() throws IOException {
        List<Metric> all = List.of(Metric.values());
        List<Metric> additive = all.stream().filter(Metric::additive).toList();
        ReportQuery.Filters none = ReportQuery.Filters.NONE;
        // the usual export: facts in key order, every metric, converted into EUR (USD and JPY have rates, "=X;1" none)
        assertSameBytes(query(all, true, true, none, null, "EUR"), false);
        // into a currency without decimals; sorted otherwise (the report's own SQL, labels joined)
        assertSameBytes(query(all, true, true, none, new ReportQuery.Sort("ctr", true), "JPY"), true);
        assertSameBytes(query(all, true, true, none, new ReportQuery.Sort("spend", false), "EUR"), true);
        // grouped: by entity (sums over days), by date (sums over entities)
        assertSameBytes(query(additive, false, true, none, null, "EUR"), true);
        assertSameBytes(query(additive, true, false, none, null, "USD"), true);
        // a reporting currency nothing has a rate for: converted cells empty
        assertSameBytes(query(List.of(Metric.SPEND, Metric.CPC, Metric.CLICKS), true, true, none, null, "XOF"), false);
        // a workspace without other currencies: nothing to join, converted cells computed once with the others
        jdbc.sql("DELETE FROM report_advertisers WHERE workspace_id = :ws").param("ws", ws.value()).update();
        assertSameBytes(query(all, true, true, none, null, "JPY"), false);
        assertSameBytes(query(additive, false, true, none, null, "EUR"), true);
    }

    @Test
    void filterValuesStayValuesInTheCopysSql() throws IOException {
        List<Metric> metrics = List.of(Metric.SPEND, Metric.CLICKS, Metric.CTR);
        int matched = 0;
        for (String name : List.of("O'Brien\\", "'; DROP TABLE report_daily_facts; --", "\\'", "%", "_", "a, =cmd",
                "$$", "E'\\x27", "*/ SELECT 1 /*", "\"", "秋")) {
            ReportQuery.Filters filters = new ReportQuery.Filters(List.of("7001", "700,2"), List.of(), List.of(), null,
                    name);
            matched += assertSameBytes(query(metrics, true, true, filters, null, "EUR"), false);
            matched += assertSameBytes(query(metrics, false, true, filters, null, "EUR"), true);
        }
        assertThat(matched).as("some filters match rows").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM report_daily_facts WHERE workspace_id = :ws").param("ws", ws.value())
                .query(Long.class).single()).isEqualTo(3L * HOSTILE.size());
    }

    private ReportQuery query(List<Metric> metrics, boolean byDate, boolean byEntity, ReportQuery.Filters filters,
            ReportQuery.Sort sort, String currency) {
        return new ReportQuery(ReportLevel.AD, DAY, DAY.plusDays(2), metrics, byDate, byEntity, filters, sort, 500, 0,
                currency);
    }

    /** Asserts that the CSV is the Java export's; returns its row count. */
    private int assertSameBytes(ReportQuery query, boolean inReportOrder) throws IOException {
        List<Metric> money = query.metrics().stream().filter(Metric::money).toList();
        List<String> header = new ArrayList<>(List.of("date", "entityId", "entityName", "advertiserId", "currency"));
        query.metrics().forEach(m -> header.add(m.apiName()));
        header.add("reportingCurrency");
        money.forEach(m -> header.add(m.apiName() + "InReportingCurrency"));

        List<String> expected = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int offset = 0; ; offset += 500) {
            ReportQuery page = new ReportQuery(query.level(), query.from(), query.to(), query.metrics(), query.byDate(),
                    query.byEntity(), query.filters(), query.sort(), 500, offset, query.reportingCurrency());
            ReportResult result = reports.run(ws, page);
            for (ReportResult.Row row : result.rows()) {
                line.setLength(0);
                Csv.append(line, row.date(), row.entityId(), row.entity() == null ? null : row.entity().name(),
                        row.advertiserId(), row.currency(), row.metrics(), query.reportingCurrency(), row.converted(),
                        money);
                expected.add(line.toString());
            }
            if (!result.hasMore()) {
                break;
            }
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = reports.writeCsv(ws, query, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        String first = String.join(",", header) + "\r\n";
        assertThat(csv).startsWith(first);
        List<String> actual = records(csv.substring(first.length()));
        assertThat(rows).isEqualTo(actual.size());
        if (!inReportOrder) {
            // the usual export leaves in key order (day, advertiser, entity), the report pages by spend within a day
            expected.sort(null);
            actual.sort(null);
        }
        assertThat(actual).as(query.toString()).containsExactlyElementsOf(expected);
        return actual.size();
    }

    /** The lines of a CSV body: CRLF outside quotes ends one. */
    private static List<String> records(String body) {
        List<String> lines = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                lines.add(body.substring(start, i + 2));
                start = i + 2;
                i++;
            }
        }
        assertThat(start).as("the body ends with a whole line").isEqualTo(body.length());
        return lines;
    }
}
