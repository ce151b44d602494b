package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lines of the report CSV from PostgreSQL's binary COPY of its rows, however the stream is cut. (Against the
 * database and the Java reference in every shape: {@code ReportCsvParityIT}.)
 */
class CsvLinesOfBinaryCopyTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 1);
    static final ReportQuery QUERY = new ReportQuery(ReportLevel.AD, DAY, DAY.plusDays(1),
            List.of(Metric.SPEND, Metric.IMPRESSIONS, Metric.CLICKS, Metric.CTR, Metric.CPC, Metric.REACH,
                    Metric.FREQUENCY), true, true, ReportQuery.Filters.NONE, null, 500, 0, "JPY");

    @Test
    void rowsBecomeTheirLinesWhereverTheStreamIsCut() throws IOException {
        assertThat(ReportCsv.counts(QUERY)).containsExactly(Metric.IMPRESSIONS, Metric.CLICKS);
        List<Object[]> rows = List.of(
                // date, entity id, name, advertiser, currency, spend, impressions, clicks, reach, spend in JPY
                new Object[] {DAY, "123", "=cmd, x", "7001", "USD", "12.345000", 800L, 3L, null, "1850.750000"},
                new Object[] {DAY, "124", "秋のセール", "7001", "USD", "0.000000", 0L, 0L, 5L, null},
                new Object[] {DAY.plusDays(1), "125", null, "7001", "JPY", "12345678901234.123456", 7L, 1L, 3L,
                        "12345678901234.123456"},
                new Object[] {DAY.plusDays(1), "126", "", "7001", "USD", "-5.250000", 16L, 2L, 0L, "-800.500000"},
                new Object[] {DAY.plusDays(1), "127", "x".repeat(70_000), "7001", "USD", "1000.000000", 3L, 400L,
                        123_456L, "0.000001"});
        String expected = String.join("", List.of(
                "2026-05-01,123,\"'=cmd, x\",7001,USD,12.345,800,3,0.38,4.12,,,JPY,1851,616.92\r\n",
                "2026-05-01,124,秋のセール,7001,USD,0,0,0,,,5,0.00,JPY,,\r\n",
                "2026-05-02,125,,7001,JPY,12345678901234.123456,7,1,14.29,12345678901234.12,3,2.33,JPY,12345678901234,"
                        + "12345678901234.12\r\n",
                "2026-05-02,126,,7001,USD,-5.25,16,2,12.50,-2.63,0,,JPY,-801,-400.25\r\n",
                "2026-05-02,127," + "x".repeat(70_000) + ",7001,USD,1000,3,400,13333.33,2.50,123456,0.00,JPY,0,0.00\r\n"));
        for (int extension : new int[] {0, 5}) {
            byte[] stream = stream(extension, rows);
            SplittableRandom random = new SplittableRandom(extension);
            for (int maxCut : new int[] {1, 2, 3, 7, 100, stream.length}) {
                ByteArrayOutputStream target = new ByteArrayOutputStream();
                CsvLinesOfBinaryCopy lines = new CsvLinesOfBinaryCopy(QUERY, target);
                for (int at = 0; at < stream.length; ) {
                    int n = Math.min(stream.length - at, 1 + random.nextInt(maxCut));
                    if (n == 1 && random.nextBoolean()) {
                        lines.write(stream[at]);
                    } else {
                        lines.write(stream, at, n);
                    }
                    assertThat(lines.complete()).isEqualTo(at + n == stream.length);
                    at += n;
                }
                assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
                assertThat(lines.rows()).isEqualTo(rows.size());
            }
        }
    }

    @Test
    void anythingElseIsRefused() throws IOException {
        CsvLinesOfBinaryCopy notCopy = new CsvLinesOfBinaryCopy(QUERY, new ByteArrayOutputStream());
        assertThatThrownBy(() -> notCopy.write("PGCOPY\nno signature at all".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
        List<Object[]> one = new ArrayList<>();
        one.add(new Object[] {DAY, "1", "a", "7", "USD", "1.000000", 1L, 1L, null, null});
        byte[] complete = stream(0, one);
        CsvLinesOfBinaryCopy after = new CsvLinesOfBinaryCopy(QUERY, new ByteArrayOutputStream());
        after.write(complete);
        assertThat(after.complete()).isTrue();
        assertThatThrownBy(() -> after.write(0)).isInstanceOf(IOException.class);
        byte[] otherColumns = stream(0, one);
        otherColumns[20] = 2;
        assertThatThrownBy(() -> new CsvLinesOfBinaryCopy(QUERY, new ByteArrayOutputStream()).write(otherColumns))
                .isInstanceOf(IOException.class).hasMessageContaining("columns");
        CsvLinesOfBinaryCopy early = new CsvLinesOfBinaryCopy(QUERY, new ByteArrayOutputStream());
        early.write(complete, 0, complete.length - 2);
        assertThat(early.complete()).isFalse();
        assertThat(early.rows()).isEqualTo(1);
    }

    /** A binary COPY stream of rows with the query's columns, as PostgreSQL writes it. */
    private static byte[] stream(int extension, List<Object[]> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(extension);
        out.write(new byte[extension]);
        for (Object[] row : rows) {
            out.writeShort(row.length);
            for (Object value : row) {
                byte[] field = field(value);
                if (field == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(field.length);
                    out.write(field);
                }
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    private static byte[] field(Object value) throws IOException {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return int32((int) (date.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()));
        }
        if (value instanceof Long count) {
            return int64(count);
        }
        String text = (String) value;
        return text.matches("-?\\d+\\.\\d{6}") ? numeric(new BigDecimal(text)) : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] int32(int value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(value);
        return bytes.toByteArray();
    }

    private static byte[] int64(long value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeLong(value);
        return bytes.toByteArray();
    }

    /** PostgreSQL's binary numeric: base-10000 digits around the decimal point, no leading or trailing zero digits. */
    static byte[] numeric(BigDecimal value) throws IOException {
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        integer = "0".repeat((4 - integer.length() % 4) % 4) + integer;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        List<Integer> digits = new ArrayList<>();
        String all = integer + fraction;
        for (int i = 0; i < all.length(); i += 4) {
            digits.add(Integer.parseInt(all.substring(i, i + 4)));
        }
        int weight = integer.length() / 4 - 1;
        while (!digits.isEmpty() && digits.get(0) == 0) {
            digits.remove(0);
            weight--;
        }
        while (!digits.isEmpty() && digits.get(digits.size() - 1) == 0) {
            digits.remove(digits.size() - 1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(digits.size());
        out.writeShort(digits.isEmpty() ? 0 : weight);
        out.writeShort(value.signum() < 0 ? 0x4000 : 0);
        out.writeShort(Math.max(value.scale(), 0));
        for (int digit : digits) {
            out.writeShort(digit);
        }
        return bytes.toByteArray();
    }
}
