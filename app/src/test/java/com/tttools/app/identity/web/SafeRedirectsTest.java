package com.tttools.app.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "https:evil", "/\\evil", "%2F%2Fevil",
            "javascript:alert(1)", "\\\\evil", "/%2F/evil", " /account", "/account\r\nLocation: //evil", "",
            "evil.example/account", "/.//evil", "///evil"})
    void refusesAnythingButASameOriginRelativePath(String next) {
        String target = SafeRedirects.target(next, "/account");
        assertThat(target).isEqualTo("/account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/invitations/abcDEF_123-x", "/app", "/workspaces/5d7c/connections?tab=health"})
    void keepsRelativePaths(String next) {
        assertThat(SafeRedirects.target(next, "/account")).isEqualTo(next);
    }

    @Test
    void aThousandRandomValuesNeverLeaveTheOrigin() {
        Random random = new Random(7);
        String alphabet = "/\\:.%@?#&=abcEVIL01 \t";
        for (int i = 0; i < 1000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String target = SafeRedirects.target(value.toString(), "/account");
            assertThat(target).startsWith("/").doesNotStartWith("//").doesNotContain("\\").doesNotContain(":")
                    .doesNotContain("@");
        }
    }
}
