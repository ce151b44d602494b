package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The values of a one-column binary COPY stream come out as their bytes, however the stream is cut. */
class ValuesOfBinaryCopyTest {

    private static byte[] stream(int extension, String... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(extension);
        out.write(new byte[extension]);
        for (String value : values) {
            out.writeShort(1);
            if (value == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    @Test
    void valuesComeOutWhereverTheStreamIsCut() throws IOException {
        String[] values = {"2026-05-01,1,\"a,b\",7,USD,12.5\r\n", "", null, "秋\r\n", "x".repeat(70_000)};
        String expected = "2026-05-01,1,\"a,b\",7,USD,12.5\r\n" + "秋\r\n" + "x".repeat(70_000);
        for (int extension : new int[] {0, 5}) {
            byte[] stream = stream(extension, values);
            SplittableRandom random = new SplittableRandom(extension);
            for (int maxCut : new int[] {1, 2, 3, 7, 100, stream.length}) {
                ByteArrayOutputStream target = new ByteArrayOutputStream();
                ValuesOfBinaryCopy copy = new ValuesOfBinaryCopy(target);
                for (int at = 0; at < stream.length; ) {
                    int n = Math.min(stream.length - at, 1 + random.nextInt(maxCut));
                    if (n == 1 && random.nextBoolean()) {
                        copy.write(stream[at]);
                    } else {
                        copy.write(stream, at, n);
                    }
                    assertThat(copy.complete()).isEqualTo(at + n == stream.length);
                    at += n;
                }
                assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Test
    void anythingElseIsRefused() throws IOException {
        ValuesOfBinaryCopy notCopy = new ValuesOfBinaryCopy(new ByteArrayOutputStream());
        assertThatThrownBy(() -> notCopy.write("PGCOPY\nno signature at all".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
        byte[] complete = stream(0, "a");
        ValuesOfBinaryCopy after = new ValuesOfBinaryCopy(new ByteArrayOutputStream());
        after.write(complete);
        assertThatThrownBy(() -> after.write(0)).isInstanceOf(IOException.class);
        byte[] twoColumns = stream(0, "a");
        twoColumns[20] = 2;
        assertThatThrownBy(() -> new ValuesOfBinaryCopy(new ByteArrayOutputStream()).write(twoColumns))
                .isInstanceOf(IOException.class);
        byte[] cut = stream(0, "abc");
        ValuesOfBinaryCopy early = new ValuesOfBinaryCopy(new ByteArrayOutputStream());
        early.write(cut, 0, cut.length - 2);
        assertThat(early.complete()).isFalse();
    }
}
