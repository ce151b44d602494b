package com.tttools.app.reporting.internal;

import com.tttools.app.shared.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fact rows encoded in PostgreSQL's binary COPY format as they are added (about 150 bytes a row instead of the
 * row objects), kept in 64 KB chunks and spilled to a temporary file (owner-only, deleted on close) beyond a limit,
 * so that a window of any size can be collected page by page in flat memory and COPYed, more than once if need be.
 * Binary COPY spares the server the text parsing of every field (dates, timestamps, numerics, uuids).
 */
public final class FactCopyBuffer implements AutoCloseable {

    /** The columns written per row, in order (the COPY column list). */
    public static final String COLUMNS = """
            workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id, adgroup_id, entity_name, currency, \
            spend, impressions, clicks, conversions, results, video_views, """
            + String.join(", ", FactRow.ENGAGEMENT.stream().map(com.tttools.app.reporting.Metric::column).toList())
            + ", reach, pulled_at";
    private static final int FIELDS = 17 + FactRow.ENGAGEMENT.size();
    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
            0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final long POSTGRES_EPOCH_DAY = 10_957;                 // 2000-01-01
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final long[] POW10 = {1, 10, 100, 1000};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final long workspaceMost;
    private final long workspaceLeast;
    private final long pulledAtMicros;
    private final long spillBytes;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int position;
    private long inMemory;
    private Path spillFile;
    private FileChannel spill;
    private long rows;
    private long bytes;
    private final short[] groups = new short[16];

    /** Spills to a temporary file once more than {@code spillBytes} are held. */
    public FactCopyBuffer(WorkspaceId workspaceId, Instant pulledAt, long spillBytes) {
        this.workspaceMost = workspaceId.value().getMostSignificantBits();
        this.workspaceLeast = workspaceId.value().getLeastSignificantBits();
        this.pulledAtMicros = Math.addExact(Math.multiplyExact(pulledAt.getEpochSecond() - POSTGRES_EPOCH_SECOND,
                1_000_000L), pulledAt.getNano() / 1000);
        this.spillBytes = spillBytes;
    }

    public void add(FactRow r) {
        ensure(2 + 4 + 16);
        putShort(FIELDS);
        putInt(16);
        putLong(workspaceMost);
        putLong(workspaceLeast);
        text(r.level().name());
        text(r.entityId());
        ensure(8);
        putInt(4);
        putInt((int) (r.date().toEpochDay() - POSTGRES_EPOCH_DAY));
        text(r.advertiserId());
        text(r.campaignId());
        text(r.adgroupId());
        text(r.entityName());
        text(r.currency());
        numeric(r.spend());
        ensure(5 * 12 + 12 + 12);
        int8(r.impressions());
        int8(r.clicks());
        int8(r.conversions());
        int8(r.results());
        int8(r.videoViews());
        ensure(8 * r.engagement().length + 12 + 12);
        for (int count : r.engagement()) {
            putInt(4);
            putInt(count);
        }
        if (r.reach() == null) {
            putInt(-1);
        } else {
            int8(r.reach());
        }
        int8(pulledAtMicros);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Bytes encoded so far (without the COPY header and trailer). */
    public long bytes() {
        return bytes + position;
    }

    public boolean spilled() {
        return spill != null;
    }

    /** COPYs every row added so far into {@code table} (one statement); returns the rows COPY reports. */
    public long copyInto(Connection connection, String table) throws SQLException {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN WITH (FORMAT binary)");
        try {
            copy.writeToCopy(HEADER, 0, HEADER.length);
            if (spill != null) {
                ByteBuffer read = ByteBuffer.allocate(256 * 1024);
                long offset = 0;
                for (int n; (n = spill.read(read.clear(), offset)) > 0; offset += n) {
                    copy.writeToCopy(read.array(), 0, n);
                }
            } else {
                for (byte[] full : chunks) {
                    copy.writeToCopy(full, 0, full.length);
                }
            }
            copy.writeToCopy(chunk, 0, position);
            copy.writeToCopy(TRAILER, 0, TRAILER.length);
            return copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spilled report facts", e);
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the error that ended the COPY is the one to report
                }
            }
        }
    }

    @Override
    public void close() {
        chunks.clear();
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spillFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                spill = null;
            }
        }
    }

    // ---------------------------------------------------------------- fields

    private void int8(long value) {
        putInt(8);
        putLong(value);
    }

    /** A text field; ids and codes are ASCII and are copied without an intermediate byte array. */
    private void text(String value) {
        if (value == null) {
            ensure(4);
            putInt(-1);
            return;
        }
        int length = value.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii && length + 4 <= CHUNK) {
            ensure(4 + length);
            putInt(length);
            for (int i = 0; i < length; i++) {
                chunk[position++] = (byte) value.charAt(i);
            }
            return;
        }
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ensure(4);
        putInt(utf8.length);
        for (int offset = 0; offset < utf8.length; ) {
            if (position == CHUNK) {
                next();
            }
            int n = Math.min(utf8.length - offset, CHUNK - position);
            System.arraycopy(utf8, offset, chunk, position, n);
            position += n;
            offset += n;
        }
    }

    /**
     * PostgreSQL's binary numeric: digit count, weight (of the first base-10000 digit), sign, display scale, then
     * the base-10000 digits aligned on the decimal point, without leading or trailing zero digits.
     */
    private void numeric(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int scale = v.scale();
        BigInteger unscaled = v.unscaledValue();
        int signum = unscaled.signum();
        if (signum == 0) {
            ensure(12);
            putInt(8);
            putShort(0);
            putShort(0);
            putShort(0);
            putShort(scale);
            return;
        }
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        short[] g = groups;
        int n = 0;
        if (unscaled.bitLength() < 50) {
            long w = Math.abs(unscaled.longValue()) * POW10[pad];
            while (w > 0) {
                g = grow(g, n);
                g[n++] = (short) (w % 10_000);
                w /= 10_000;
            }
        } else {
            BigInteger w = unscaled.abs().multiply(BigInteger.valueOf(POW10[pad]));
            while (w.signum() > 0) {
                BigInteger[] qr = w.divideAndRemainder(TEN_THOUSAND);
                g = grow(g, n);
                g[n++] = qr[1].shortValue();
                w = qr[0];
            }
        }
        int low = 0;
        while (g[low] == 0) {
            low++;
        }
        int high = n - 1;
        int digits = high - low + 1;
        ensure(12 + 2 * digits);
        putInt(8 + 2 * digits);
        putShort(digits);
        putShort(high - fractionGroups);
        putShort(signum < 0 ? 0x4000 : 0);
        putShort(scale);
        for (int i = high; i >= low; i--) {
            putShort(g[i]);
        }
    }

    private static short[] grow(short[] g, int n) {
        return n < g.length ? g : Arrays.copyOf(g, g.length * 2);
    }

    // ---------------------------------------------------------------- chunks

    private void ensure(int n) {
        if (position + n > CHUNK) {
            next();
        }
    }

    private void putShort(int v) {
        chunk[position++] = (byte) (v >>> 8);
        chunk[position++] = (byte) v;
    }

    private void putInt(int v) {
        chunk[position++] = (byte) (v >>> 24);
        chunk[position++] = (byte) (v >>> 16);
        chunk[position++] = (byte) (v >>> 8);
        chunk[position++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /** The current chunk is done: keep it (trimmed), or write it to the spill file. */
    private void next() {
        bytes += position;
        try {
            if (spill == null && inMemory + position > spillBytes) {
                spillFile = Files.createTempFile("tttools-report-facts-", ".copy");
                spill = FileChannel.open(spillFile, StandardOpenOption.WRITE, StandardOpenOption.READ);
                for (byte[] full : chunks) {
                    write(full, full.length);
                }
                chunks.clear();
                inMemory = 0;
            }
            if (spill != null) {
                write(chunk, position);
            } else {
                chunks.add(position == CHUNK ? chunk : Arrays.copyOf(chunk, position));
                inMemory += position;
                chunk = new byte[CHUNK];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spill report facts to a temporary file", e);
        }
        position = 0;
    }

    private void write(byte[] data, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        while (buffer.hasRemaining()) {
            spill.write(buffer);
        }
    }
}
