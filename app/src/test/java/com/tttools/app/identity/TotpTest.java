package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.mfa.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last 6 of the 8 digits. */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void matchesTheRfc6238TestVectors(long epochSeconds, String expected) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(epochSeconds)))).isEqualTo(expected);
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void aUsedCodeCannotBeReplayedWithinItsWindow() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET, step);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now, step - 5)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, code, now.plusSeconds(20), step)).isEmpty();
    }
}
