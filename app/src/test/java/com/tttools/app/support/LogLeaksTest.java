package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LogLeaksTest {

    private final LogLeaks leaks = new LogLeaks(
            Set.of("sEcReTtOkEn0123456789", "correct horse battery staple 42"), Set.of("hygiene-1a2b3c4d@example.com"));

    @Test
    void aSecretIsFoundAsAWordGluedBehindANameOrAsAPhrase() {
        assertThat(leaks.in("DEBUG token sEcReTtOkEn0123456789 used")).contains("a secret");
        assertThat(leaks.in("Cookie: SESSION=sEcReTtOkEn0123456789; Path=/")).contains("a secret");
        assertThat(leaks.in("body {password=correct horse battery staple 42}")).contains("a secret phrase");
        assertThat(leaks.in("token sEcReTtOkEn0123456789xyz is another word")).isEmpty();
    }

    @Test
    void credentialsAreFoundByTheirShapeAlone() {
        assertThat(leaks.in("Authorization: Bearer anything")).contains("credential-shaped text");
        assertThat(leaks.in("authorization: basic cG9zdG1hcms6cGFzc3dvcmQ=")).contains("credential-shaped text");
        assertThat(leaks.in("a ttt_pat_ABCDEFGHIJKLMNOPQRSTUV token")).contains("credential-shaped text");
        assertThat(leaks.in("{\"password\":\"x\"}")).contains("credential-shaped text");
    }

    @Test
    void anEmailAddressMayAppearMaskedOnly() {
        assertThat(leaks.in("signed in Hygiene-1A2B3C4D@example.com")).contains("an unmasked email address");
        assertThat(leaks.in("mail to h***@example.com sent")).isEmpty();
        assertThat(leaks.in("mail to someone-else@example.com sent")).isEmpty();
    }
}
