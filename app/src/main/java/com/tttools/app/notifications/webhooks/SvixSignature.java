package com.tttools.app.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Svix-signed webhook (Resend's): HMAC-SHA256 over {@code id.timestamp.rawBody} with the base64 key after
 * {@code whsec_}, compared in constant time with each {@code v1,} signature; timestamps more than five minutes off
 * are refused (replays).
 */
final class SvixSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SvixSignature() {
    }

    static boolean valid(String secret, String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (secret == null || secret.isBlank() || id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected;
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
        for (String entry : signatures.trim().split(" ")) {
            if (!entry.startsWith("v1,")) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                // try the next entry
            }
        }
        return false;
    }
}
