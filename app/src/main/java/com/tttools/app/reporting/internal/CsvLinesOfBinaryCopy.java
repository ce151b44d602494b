package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.rates.CurrencyConversion;
import com.tttools.app.shared.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the stream of {@code COPY (the export's rows, ReportCsv's columns) TO STDOUT (FORMAT binary)} and writes the
 * report's CSV lines to {@code target}, cell for cell the bytes of the Java reference (reporting.web's {@code Csv}):
 * dates ISO, text cells as {@link CsvCells} writes them, spend without trailing zeros, counts as digits, each other
 * metric as {@link Metric#value} gives it. Binary, because PostgreSQL then only reads and sends the values (the
 * cheapest COPY output there is) while the app formats them on another core as they arrive. The stream may be cut
 * anywhere: an incomplete row waits for the next write.
 */
final class CsvLinesOfBinaryCopy extends OutputStream {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** PostgreSQL's dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final OutputStream target;
    private final List<Metric> metrics;
    private final int[] countColumn;
    private final String reportingCurrencyCell;
    private final int convertedDigits;
    private final int columns;

    private final long[] rowCounts = new long[Metric.COUNTS.size()];
    private final int[] offsets;
    private final int[] lengths;
    private final long[] hundredths;
    private final int[] countIndex;
    private long decodedUnscaled;
    private int decodedScale;
    private final Line line = new Line();
    private byte[] pending = new byte[1 << 12];
    private int pendingLength;
    private boolean headerRead;
    private boolean trailerRead;
    private long rows;
    private int lastDate;
    private byte[] lastDateBytes; // null until the first date

    CsvLinesOfBinaryCopy(ReportQuery query, OutputStream target) {
        this.target = target;
        this.metrics = query.metrics();
        List<Metric> counts = ReportCsv.counts(query);
        this.countColumn = new int[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            countColumn[i] = Metric.COUNTS.indexOf(counts.get(i));
        }
        String currency = query.reportingCurrency();
        this.reportingCurrencyCell = currency == null ? null : CsvCells.text(currency);
        this.convertedDigits = currency == null ? 0 : CurrencyConversion.fractionDigits(currency);
        this.columns = ReportCsv.FIXED_COLUMNS + counts.size() + 1 + (currency == null ? 0 : 1);
        this.offsets = new int[columns];
        this.lengths = new int[columns];
        this.hundredths = new long[metrics.size()];
        this.countIndex = new int[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
            countIndex[m] = Metric.COUNTS.indexOf(metrics.get(m));
        }
    }

    /** The lines written so far. */
    long rows() {
        return rows;
    }

    /** True once the trailer was read: the stream was complete. */
    boolean complete() {
        return trailerRead;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (pendingLength == 0) {
            int used = parse(bytes, offset, offset + length);
            keep(bytes, used, offset + length - used);
        } else {
            keep(bytes, offset, length);
            int used = parse(pending, 0, pendingLength);
            System.arraycopy(pending, used, pending, 0, pendingLength - used);
            pendingLength -= used;
        }
    }

    private void keep(byte[] bytes, int from, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(bytes, from, pending, pendingLength, length);
        pendingLength += length;
    }

    /** Handles the whole rows in {@code bytes[start, end)}; returns where the first incomplete one begins. */
    private int parse(byte[] bytes, int start, int end) throws IOException {
        int at = start;
        if (!headerRead) {
            if (end - at < SIGNATURE.length + 8) {
                return at;
            }
            if (!Arrays.equals(bytes, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IOException("Not a binary COPY stream");
            }
            long extension = int32(bytes, at + SIGNATURE.length + 4) & 0xFFFFFFFFL;
            if (end - at < SIGNATURE.length + 8 + extension) {
                return at;
            }
            at += SIGNATURE.length + 8 + (int) extension;
            headerRead = true;
        }
        while (end - at >= 2 || (trailerRead && at < end)) {
            if (trailerRead) {
                throw new IOException("Bytes after the end of a binary COPY stream");
            }
            short fields = (short) ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF));
            if (fields == -1) {
                trailerRead = true;
                at += 2;
                continue;
            }
            if (fields != columns) {
                throw new IOException("A row of " + fields + " columns, expected " + columns);
            }
            int p = at + 2;
            for (int i = 0; i < columns; i++) {
                if (end - p < 4) {
                    return at;
                }
                int length = int32(bytes, p);
                p += 4;
                if (length > 0 && end - p < length) {
                    return at;
                }
                offsets[i] = p;
                lengths[i] = length;
                p += Math.max(length, 0);
            }
            line(bytes);
            at = p;
        }
        return at;
    }

    /**
     * One row's line (columns as {@link ReportCsv#columns} orders them). Amounts are computed in longs (spend as its
     * unscaled digits, ratios with {@link Metric#hundredths}) and written as digits; {@code BigDecimal} and
     * {@link Metric#value} take over where a value does not fit a long.
     */
    private void line(byte[] b) throws IOException {
        line.reset();
        date(b, 0);
        line.comma();
        text(b, 1);
        line.comma();
        text(b, 2);
        line.comma();
        text(b, 3);
        line.comma();
        text(b, 4);
        int column = ReportCsv.FIXED_COLUMNS;
        for (int i = 0; i < countColumn.length; i++, column++) {
            rowCounts[countColumn[i]] = int64(b, offsets[column]);
        }
        Long reach = lengths[column] < 0 ? null : int64(b, offsets[column]);
        boolean spendInLong = unscaled(b, 5);
        long spend = decodedUnscaled;
        int spendScale = decodedScale;
        BigDecimal spendDecimal = spendInLong ? null : numeric(b, 5);
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            line.comma();
            if (metric == Metric.SPEND) {
                if (spendInLong) {
                    line.trimmed(spend, spendScale);
                } else {
                    line.ascii(plain(spendDecimal.stripTrailingZeros()));
                }
            } else if (metric.isRatio()) {
                long h = spendInLong ? metric.hundredths(spend, spendScale, rowCounts, reach) : Metric.NOT_IN_LONGS;
                hundredths[m] = h;
                if (h == Metric.NOT_IN_LONGS) {
                    line.ascii(cell(metric.value(new Metric.Bases(spendInLong ? BigDecimal.valueOf(spend, spendScale)
                            : spendDecimal, rowCounts, reach))));
                } else if (h != Metric.NO_RATIO) {
                    line.scaled(h, 2);
                }
            } else if (metric == Metric.REACH) {
                if (reach != null) {
                    line.scaled(reach, 0);
                }
            } else {
                line.scaled(rowCounts[countIndex[m]], 0);
            }
        }
        if (reportingCurrencyCell != null) {
            converted(b, column + 1, spendInLong, spend, spendScale, spendDecimal, reach);
        }
        line.crlf();
        target.write(line.bytes, 0, line.length);
        rows++;
    }

    /** The reporting currency's cells: the currency, then each money metric of the spend converted into it. */
    private void converted(byte[] b, int column, boolean spendInLong, long spend, int spendScale,
            BigDecimal spendDecimal, Long reach) throws IOException {
        line.comma();
        line.utf8(reportingCurrencyCell);
        boolean isNull = lengths[column] < 0;
        boolean inLong = !isNull && unscaled(b, column);
        long converted = decodedUnscaled;
        int convertedScale = decodedScale;
        boolean sameAsSpend = inLong && spendInLong && converted == spend && convertedScale == spendScale;
        BigDecimal convertedDecimal = isNull || inLong ? null : numeric(b, column);
        for (int m = 0; m < metrics.size(); m++) {
            Metric metric = metrics.get(m);
            if (!metric.money()) {
                continue;
            }
            line.comma();
            if (isNull) {
                continue;
            }
            if (metric == Metric.SPEND) {
                if (inLong && convertedScale <= 18 && convertedDigits <= convertedScale) {
                    line.scaled(Line.roundHalfUp(converted, convertedScale - convertedDigits), convertedDigits);
                } else {
                    line.ascii(plain(decimal(inLong, converted, convertedScale, convertedDecimal)
                            .setScale(convertedDigits, RoundingMode.HALF_UP)));
                }
                continue;
            }
            long h = sameAsSpend ? hundredths[m]
                    : inLong ? metric.hundredths(converted, convertedScale, rowCounts, reach) : Metric.NOT_IN_LONGS;
            if (h == Metric.NOT_IN_LONGS) {
                line.ascii(cell(metric.value(new Metric.Bases(decimal(inLong, converted, convertedScale,
                        convertedDecimal), rowCounts, reach))));
            } else if (h != Metric.NO_RATIO) {
                line.scaled(h, 2);
            }
        }
    }

    private static BigDecimal decimal(boolean inLong, long unscaled, int scale, BigDecimal decimal) {
        return inLong ? BigDecimal.valueOf(unscaled, scale) : decimal;
    }

    /**
     * Decodes a non-NULL numeric into {@link #decodedUnscaled} at its display scale ({@link #decodedScale}) if a long
     * holds it exactly (up to 16 significant digits and a scale up to 18); false otherwise (and for NULL, NaN).
     */
    private boolean unscaled(byte[] b, int column) {
        if (lengths[column] < 0) {
            return false;
        }
        int at = offsets[column];
        int ndigits = int16(b, at);
        int weight = (short) int16(b, at + 2);
        int sign = int16(b, at + 4);
        int dscale = int16(b, at + 6);
        if (ndigits > 4 || (sign != 0 && sign != 0x4000) || dscale > 18) {
            return false;
        }
        long digits = 0;
        for (int i = 0; i < ndigits; i++) {
            digits = digits * 10_000 + int16(b, at + 8 + 2 * i);
        }
        int shift = ndigits == 0 ? 0 : 4 * (weight - ndigits + 1) + dscale; // value = digits * 10^(shift - dscale)
        try {
            long unscaled;
            if (shift >= 0) {
                if (shift > 18) {
                    return false;
                }
                unscaled = Math.multiplyExact(digits, POWERS_OF_TEN[shift]);
            } else {
                if (-shift > 18 || digits % POWERS_OF_TEN[-shift] != 0) {
                    return false;
                }
                unscaled = digits / POWERS_OF_TEN[-shift];
            }
            decodedUnscaled = sign == 0 ? unscaled : -unscaled;
            decodedScale = dscale;
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? plain(decimal) : value.toString();
    }

    private static String plain(BigDecimal decimal) {
        return decimal.toPlainString();
    }

    private void date(byte[] b, int column) throws IOException {
        if (lengths[column] < 0) {
            return;
        }
        int days = int32(b, offsets[column]);
        if (lastDateBytes == null || days != lastDate) {
            if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                throw new IOException("An infinite date in the export");
            }
            lastDate = days;
            lastDateBytes = LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + days).toString().getBytes(StandardCharsets.US_ASCII);
        }
        line.bytes(lastDateBytes, 0, lastDateBytes.length);
    }

    /**
     * A text cell: its bytes as they are when {@link CsvCells} would leave them so (nothing it acts on: no formula
     * start, no comma, semicolon, quote, tab or line break: all ASCII, and no byte of a UTF-8 sequence is ASCII),
     * else its rules.
     */
    private void text(byte[] b, int column) {
        int length = lengths[column];
        if (length <= 0) {
            return;
        }
        int from = offsets[column];
        byte first = b[from];
        boolean plain = first != '=' && first != '+' && first != '-' && first != '@';
        for (int i = from; plain && i < from + length; i++) {
            byte c = b[i];
            plain = c != ',' && c != ';' && c != '"' && c != '\t' && c != '\r' && c != '\n';
        }
        if (plain) {
            line.bytes(b, from, length);
        } else {
            line.utf8(CsvCells.text(new String(b, from, length, StandardCharsets.UTF_8)));
        }
    }

    /**
     * A numeric value (PostgreSQL's binary form: digit count, weight, sign, display scale, then base-10000 digits),
     * exactly, at its display scale; null for NULL. For the values {@link #unscaled} does not hold in a long.
     */
    private BigDecimal numeric(byte[] b, int column) throws IOException {
        if (lengths[column] < 0) {
            return null;
        }
        int at = offsets[column];
        int ndigits = int16(b, at);
        int weight = (short) int16(b, at + 2);
        int sign = int16(b, at + 4);
        int dscale = int16(b, at + 6);
        if (sign != 0 && sign != 0x4000) {
            throw new IOException("A numeric that is not a number (NaN or infinite) in the export");
        }
        BigInteger unscaled = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(10_000);
        for (int i = 0; i < ndigits; i++) {
            unscaled = unscaled.multiply(base).add(BigInteger.valueOf(int16(b, at + 8 + 2 * i)));
        }
        BigDecimal value = new BigDecimal(sign == 0 ? unscaled : unscaled.negate(), -4 * (weight - ndigits + 1));
        return value.setScale(dscale, RoundingMode.UNNECESSARY);
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long int64(byte[] b, int at) {
        return (long) int32(b, at) << 32 | (int32(b, at + 4) & 0xFFFFFFFFL);
    }

    /** One line's bytes, reused from row to row. */
    private static final class Line {
        private byte[] bytes = new byte[512];
        private int length;

        void reset() {
            length = 0;
        }

        void comma() {
            ensure(1);
            bytes[length++] = ',';
        }

        void crlf() {
            ensure(2);
            bytes[length++] = '\r';
            bytes[length++] = '\n';
        }

        /** {@code unscaled / 10^scale} with exactly {@code scale} decimals ({@code BigDecimal.toPlainString}'s form). */
        void scaled(long unscaled, int scale) {
            ensure(42);
            if (unscaled < 0) {
                bytes[length++] = '-';
            }
            String digits = Long.toString(unscaled).substring(unscaled < 0 ? 1 : 0);
            if (scale == 0) {
                ascii(digits);
                return;
            }
            int integerDigits = digits.length() - scale;
            if (integerDigits <= 0) {
                bytes[length++] = '0';
                bytes[length++] = '.';
                for (int i = integerDigits; i < 0; i++) {
                    bytes[length++] = '0';
                }
                ascii(digits);
            } else {
                for (int i = 0; i < integerDigits; i++) {
                    bytes[length++] = (byte) digits.charAt(i);
                }
                bytes[length++] = '.';
                for (int i = integerDigits; i < digits.length(); i++) {
                    bytes[length++] = (byte) digits.charAt(i);
                }
            }
        }

        /** {@code unscaled / 10^scale} without trailing zeros (PostgreSQL's {@code trim_scale}). */
        void trimmed(long unscaled, int scale) {
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            scaled(unscaled, unscaled == 0 ? 0 : scale);
        }

        /** {@code unscaled / 10^drop}, rounded half up (away from zero) as {@code BigDecimal} rounds. */
        static long roundHalfUp(long unscaled, int drop) {
            if (drop == 0) {
                return unscaled;
            }
            long divisor = POWERS_OF_TEN[drop];
            long magnitude = Math.abs(unscaled);
            long quotient = magnitude / divisor;
            long remainder = magnitude % divisor;
            if (remainder >= divisor - remainder) {
                quotient++;
            }
            return unscaled < 0 ? -quotient : quotient;
        }

        /** Digits, signs and points only. */
        void ascii(String text) {
            int n = text.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
        }

        void utf8(String text) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            bytes(encoded, 0, encoded.length);
        }

        void bytes(byte[] from, int offset, int n) {
            ensure(n);
            System.arraycopy(from, offset, bytes, length, n);
            length += n;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
