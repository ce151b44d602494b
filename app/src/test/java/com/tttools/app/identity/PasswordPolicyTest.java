package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.password.PasswordPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsTenThousandCommonPasswordsAndRefusesEveryOneOfThem() throws Exception {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(9_900);
        List<String> list;
        try (var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/identity/common-passwords.txt")), StandardCharsets.UTF_8))) {
            list = reader.lines().filter(l -> !l.startsWith("#")).toList();
        }
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            String common = list.get(random.nextInt(list.size()));
            assertThat(policy.check(common, "someone@example.com")).as(common).isPresent();
        }
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertThat(policy.check("a".repeat(11), "x@example.com")).hasValueSatisfying(m -> assertThat(m).contains("at least 12"));
        assertThat(policy.check("tr0ub4dor&3 horse", "x@example.com")).isEmpty();
        assertThat(policy.check("\uD83D\uDE00".repeat(128), "x@example.com")).isEmpty();
        assertThat(policy.check("\uD83D\uDE00".repeat(129), "x@example.com")).isPresent();
    }

    @Test
    void noTruncationTwoLongPasswordsDifferingInTheLastCharacterDoNotMatch() {
        var encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        String first = "p".repeat(99) + "1";
        String second = "p".repeat(99) + "2";
        String hash = encoder.encode(first);
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches(second, hash)).isFalse();
        assertThat(encoder.matches(first.toUpperCase(), hash)).isFalse();
        assertThat(encoder.matches(first, hash)).isTrue();
        assertThat(encoder.encode(first)).isNotEqualTo(hash);
    }

    /** Security check 4: the application's encoder writes Argon2id at the ASVS minimum, salted anew each time. */
    @Test
    void aHundredHashesOfOnePasswordAreAHundredDistinctArgon2idStrings() {
        var encoder = new com.tttools.app.identity.password.PasswordHashingAccess().encoder();
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            String hash = encoder.encode("correct horse battery staple");
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            hashes.add(hash);
        }
        assertThat(hashes).hasSize(100);
    }
}
