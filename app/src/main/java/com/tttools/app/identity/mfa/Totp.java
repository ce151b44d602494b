package com.tttools.app.identity.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits, the parameters every
 * authenticator app supports. Written on the JDK's HMAC (a few lines) rather than a library: the maintained
 * Java TOTP libraries are unmaintained or pull in QR and codec dependencies we already have.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Codes of the previous and next step are accepted too, for clock drift. */
    public static final int WINDOW = 1;

    private Totp() {
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    public static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step whose code matches, within the window around {@code now}, and strictly after
     * {@code lastUsedStep} (a code, once accepted, cannot be replayed within its window).
     */
    public static OptionalLong matchingStep(byte[] secret, String candidate, Instant now, long lastUsedStep) {
        if (candidate == null || !candidate.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(secret, s).getBytes(), candidate.getBytes());
            if (same && s > lastUsedStep) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }
}
