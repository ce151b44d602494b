package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security checks 7, 10 and 11 (docs/security-tests.md): one account whatever the spelling, no timing oracle, one notice per password change. */
class CredentialChecksIT extends IntegrationTest {

    private static final String LOGIN = "/api/v1/auth/login";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailuresFromThisMachine() {
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    /**
     * Check 7: wrong passwords sent under case variants of the address (upper case, mixed case, padded with blanks,
     * a Kelvin sign for the k) use up the one account's budget, so afterwards even the right password under yet
     * another spelling is refused (429) until the budget refills.
     */
    @Test
    void caseVariantsOfTheEmailAreCountedAgainstOneAccount() {
        String email = Users.uniqueEmail("kase");
        Users.signedUp(port, email);
        assertThat(Users.loggedIn(port, email.toUpperCase(Locale.ROOT), Users.PASSWORD)).as("a variant is the same account")
                .isNotNull();
        List<String> variants = List.of(email.toUpperCase(Locale.ROOT), "  " + email + " ",
                "\u212A" + email.substring(1), mixedCase(email), email);
        ApiClient attacker = new ApiClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post(LOGIN, Map.of("email", variants.get(i % variants.size()), "password",
                    "guess number " + i)).status()).isEqualTo(401);
        }
        ApiClient.Response rightPassword = new ApiClient(port).post(LOGIN,
                Map.of("email", " " + email.toUpperCase(Locale.ROOT), "password", Users.PASSWORD));
        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(new ApiClient(port).post(LOGIN, Map.of("email", email, "password", Users.PASSWORD)).status())
                .isEqualTo(429);
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, email.toLowerCase(Locale.ROOT));
        assertThat(new ApiClient(port).post(LOGIN, Map.of("email", mixedCase(email), "password", Users.PASSWORD))
                .status()).isEqualTo(200);
    }

    /**
     * Check 10: 200 logins with an unknown address and 200 with a known address and a wrong password, interleaved in
     * a seeded random order so that the machine's load falls on both alike; their median times differ by < 10 ms.
     */
    @Test
    void unknownEmailAndWrongPasswordTakeTheSameMedianTime() {
        String email = Users.uniqueEmail("timing");
        Users.signedUp(port, email);
        ApiClient known = new ApiClient(port);
        ApiClient unknown = new ApiClient(port);
        String knownToken = known.csrfToken();
        String unknownToken = unknown.csrfToken();
        long[] knownMicros = new long[200];
        long[] unknownMicros = new long[200];
        Random order = new Random(20261204);
        for (int i = 0; i < 200; i++) {
            if (order.nextBoolean()) {
                knownMicros[i] = timedFailure(known, knownToken, email);
                unknownMicros[i] = timedFailure(unknown, unknownToken, "ghost-" + UUID.randomUUID() + "@example.com");
            } else {
                unknownMicros[i] = timedFailure(unknown, unknownToken, "ghost-" + UUID.randomUUID() + "@example.com");
                knownMicros[i] = timedFailure(known, knownToken, email);
            }
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, email.toLowerCase(Locale.ROOT));
        }
        double medianKnown = median(knownMicros) / 1000.0;
        double medianUnknown = median(unknownMicros) / 1000.0;
        assertThat(Math.abs(medianKnown - medianUnknown))
                .as("median ms: wrong password %.1f, unknown email %.1f", medianKnown, medianUnknown).isLessThan(10.0);
    }

    /**
     * Check 11: a change refused for a wrong current password changes no hash and sends nothing; each accepted change
     * gives exactly one notification, delivered through the outbox as exactly one mail.
     */
    @Test
    void eachPasswordChangeSendsExactlyOneNotification() {
        String email = Users.uniqueEmail("one-notice");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UUID userId = UUID.fromString(client.get("/api/v1/me").json().path("id").asString());
        String hashBefore = passwordHash(userId);

        assertThat(client.post("/api/v1/me/password", Map.of("currentPassword", "not the password 123",
                "newPassword", "a brand new passphrase 1")).status()).isEqualTo(422);
        assertThat(passwordHash(userId)).isEqualTo(hashBefore);

        assertThat(client.post("/api/v1/me/password", Map.of("currentPassword", Users.PASSWORD,
                "newPassword", "a brand new passphrase 1")).status()).isEqualTo(204);
        assertThat(passwordHash(userId)).isNotEqualTo(hashBefore);
        assertSettledNotices(userId, email, 1);

        assertThat(client.post("/api/v1/me/password", Map.of("currentPassword", "a brand new passphrase 1",
                "newPassword", "a second new passphrase 2")).status()).isEqualTo(204);
        assertSettledNotices(userId, email, 2);
    }

    /** Waits until every event about the user was handled and every delivery sent, then counts. */
    private void assertSettledNotices(UUID userId, String email, int expected) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM event_publication
                            WHERE completion_date IS NULL AND strpos(serialized_event, :u) > 0""")
                    .param("u", userId.toString()).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
                            WHERE n.user_id = :u AND d.status = 'QUEUED'""")
                    .param("u", userId).query(Long.class).single()).isZero();
            assertThat(mails(email)).isGreaterThanOrEqualTo(expected);
        });
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notifications WHERE user_id = :u AND event_type = 'security.password-changed'""")
                .param("u", userId).query(Long.class).single()).isEqualTo(expected);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
                        WHERE n.user_id = :u AND n.event_type = 'security.password-changed' AND d.channel = 'EMAIL'""")
                .param("u", userId).query(Long.class).single()).isEqualTo(expected);
        assertThat(mails(email)).isEqualTo(expected);
    }

    private long mails(String email) {
        return ((DevMailbox) mailer).messages().stream().map(DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(email) && m.subject().contains("Your password was changed")).count();
    }

    private String passwordHash(UUID userId) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", userId).query(String.class).single();
    }

    private long timedFailure(ApiClient client, String csrf, String email) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"wrong password 1234\"}";
        long start = System.nanoTime();
        ApiClient.Response response = client.send("POST", LOGIN, body, "X-XSRF-TOKEN", csrf);
        long nanos = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(401);
        return nanos / 1_000;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static String mixedCase(String email) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            out.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
