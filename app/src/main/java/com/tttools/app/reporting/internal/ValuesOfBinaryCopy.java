package com.tttools.app.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Takes the stream of {@code COPY (a query of one text column) TO STDOUT (FORMAT binary)} and writes only the
 * values' bytes to {@code target}: the header, each row's field count and each value's length are dropped. Binary,
 * because it is the one COPY format that sends a text value as its bytes: {@code FORMAT text} escapes tabs, line
 * breaks and backslashes, {@code FORMAT csv} quotes any value holding a comma, quote or line break and ends rows with
 * LF. The stream may be cut anywhere (the parser keeps its place across writes); a value that is NULL writes nothing.
 */
final class ValuesOfBinaryCopy extends OutputStream {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private enum Part { HEADER, EXTENSION, FIELD_COUNT, LENGTH, VALUE, TRAILER_SEEN }

    private final OutputStream target;
    private Part part = Part.HEADER;
    private final byte[] header = new byte[SIGNATURE.length + 8];
    private int headerRead;
    /** Bytes still to read of the current integer (field count, length) or extension or value. */
    private long left;
    private int integer;

    ValuesOfBinaryCopy(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (part) {
                case HEADER -> {
                    header[headerRead++] = bytes[i++];
                    if (headerRead == header.length) {
                        if (!Arrays.equals(header, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                            throw new IOException("Not a binary COPY stream");
                        }
                        left = readInt(header, SIGNATURE.length + 4) & 0xFFFFFFFFL;
                        part = left == 0 ? startInteger(Part.FIELD_COUNT, 2) : Part.EXTENSION;
                    }
                }
                case EXTENSION -> {
                    int skip = (int) Math.min(left, end - i);
                    i += skip;
                    left -= skip;
                    if (left == 0) {
                        part = startInteger(Part.FIELD_COUNT, 2);
                    }
                }
                case FIELD_COUNT, LENGTH -> {
                    integer = (integer << 8) | (bytes[i++] & 0xFF);
                    if (--left == 0) {
                        part = integerRead();
                    }
                }
                case VALUE -> {
                    int n = (int) Math.min(left, end - i);
                    target.write(bytes, i, n);
                    i += n;
                    left -= n;
                    if (left == 0) {
                        part = startInteger(Part.FIELD_COUNT, 2);
                    }
                }
                case TRAILER_SEEN -> throw new IOException("Bytes after the end of a binary COPY stream");
            }
        }
    }

    /** True once the trailer was read: the stream was complete. */
    boolean complete() {
        return part == Part.TRAILER_SEEN;
    }

    private Part startInteger(Part next, int bytes) {
        integer = 0;
        left = bytes;
        return next;
    }

    private Part integerRead() throws IOException {
        if (part == Part.FIELD_COUNT) {
            short fields = (short) integer;
            if (fields == -1) {
                return Part.TRAILER_SEEN;
            }
            if (fields != 1) {
                throw new IOException("A row of " + fields + " columns, expected one");
            }
            return startInteger(Part.LENGTH, 4);
        }
        if (integer <= 0) { // NULL (-1) or empty
            return startInteger(Part.FIELD_COUNT, 2);
        }
        left = integer;
        return Part.VALUE;
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }
}
