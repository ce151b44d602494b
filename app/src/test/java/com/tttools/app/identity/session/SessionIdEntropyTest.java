package com.tttools.app.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.session.SessionIdGenerator;

/**
 * Security check 14 (docs/security-tests.md): the session ids the configured generator hands to Spring Session
 * are 32 bytes from a CSPRNG, base64url, never UUIDs (Spring Session's default would be a UUIDv4: 122 bits).
 */
class SessionIdEntropyTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void tenThousandIdsAreDistinctThirtyTwoRandomBytesAndNoneIsAUuid() {
        SessionIdGenerator generator = new SessionConfiguration().sessionIdGenerator();
        Set<String> seen = new HashSet<>();
        int[] bitCounts = new int[256];
        for (int i = 0; i < 10_000; i++) {
            String id = generator.generate();
            assertThat(UUID.matcher(id).find()).as(id).isFalse();
            byte[] decoded = Base64.getUrlDecoder().decode(id);
            assertThat(decoded).hasSize(32);
            for (int bit = 0; bit < 256; bit++) {
                bitCounts[bit] += (decoded[bit / 8] >> (bit % 8)) & 1;
            }
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        // every bit position is set in about half of the ids: 5,000 ± 5 standard deviations (50)
        for (int count : bitCounts) {
            assertThat(count).isBetween(4_750, 5_250);
        }
    }
}
