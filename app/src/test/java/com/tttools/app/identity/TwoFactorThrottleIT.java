package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.mfa.Base32;
import com.tttools.app.identity.mfa.Totp;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Second-factor guesses on the settings endpoints (new recovery codes, turning two-factor sign-in off) take
 * tokens from the same per-account bucket as sign-in: the 11th guess is answered 429 and not evaluated —
 * proved by sending a valid code as the 11th, which would otherwise have been accepted (and consumed).
 */
class TwoFactorThrottleIT extends IntegrationTest {

    @Autowired
    RateLimiter limiter;

    @Autowired
    Mailer mailer;

    final List<String> accounts = new ArrayList<>();

    @AfterEach
    void forgetFailures() {
        accounts.forEach(a -> limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, a));
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
    }

    record Enabled(ApiClient client, String email, String secret, List<String> recoveryCodes) {
    }

    Enabled enableTwoFactor() {
        String email = Users.uniqueEmail("mfa-throttle");
        accounts.add(email.toLowerCase(Locale.ROOT));
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        String secret = client.post("/api/v1/me/two-factor", null).json().get("secret").asString();
        var confirmed = client.post("/api/v1/me/two-factor/confirm",
                Map.of("code", Totp.code(Base32.decode(secret), Totp.step(Instant.now()))));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Enabled(client, email, secret, codes);
    }

    static String wrongCode(int i) {
        return String.format("%06d", 100_000 + i);
    }

    int unusedRecoveryCodes(Enabled enabled) {
        return enabled.client().get("/api/v1/me/two-factor").json().get("unusedRecoveryCodes").asInt();
    }

    @Test
    void theEleventhGuessForNewRecoveryCodesIsRefusedWith429AndNotEvaluated() {
        Enabled enabled = enableTwoFactor();
        for (int i = 0; i < 10; i++) {
            assertThat(enabled.client().post("/api/v1/me/two-factor/recovery-codes", Map.of("code", wrongCode(i)))
                    .status()).isEqualTo(422);
        }

        var refused = enabled.client().post("/api/v1/me/two-factor/recovery-codes",
                Map.of("code", enabled.recoveryCodes().get(0)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(refused.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(unusedRecoveryCodes(enabled)).isEqualTo(10);
        // the same bucket as sign-in: the guesses in the settings count there too
        assertThat(new ApiClient(port).post("/api/v1/auth/login", Map.of("email", enabled.email(), "password",
                Users.PASSWORD)).status()).isEqualTo(429);
    }

    @Test
    void theEleventhGuessToTurnItOffIsRefusedWith429AndNotEvaluated() {
        Enabled enabled = enableTwoFactor();
        assertThat(enabled.client().delete("/api/v1/me/two-factor", Map.of("password", "not my password",
                "code", wrongCode(0))).status()).isEqualTo(422);
        for (int i = 1; i < 10; i++) {
            assertThat(enabled.client().delete("/api/v1/me/two-factor", Map.of("password", Users.PASSWORD,
                    "code", wrongCode(i))).status()).isEqualTo(422);
        }

        var refused = enabled.client().delete("/api/v1/me/two-factor", Map.of("password", Users.PASSWORD,
                "code", enabled.recoveryCodes().get(0)));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(enabled.client().get("/api/v1/me/two-factor").json().get("enabled").asBoolean()).isTrue();
        assertThat(unusedRecoveryCodes(enabled)).isEqualTo(10);
    }

    @Test
    void aRightCodeIsNotCountedAsAFailure() {
        Enabled enabled = enableTwoFactor();
        for (int i = 0; i < 9; i++) {
            enabled.client().post("/api/v1/me/two-factor/recovery-codes", Map.of("code", wrongCode(i)));
        }
        String code = enabled.recoveryCodes().get(0);
        for (int i = 0; i < 3; i++) {
            var renewed = enabled.client().post("/api/v1/me/two-factor/recovery-codes", Map.of("code", code));
            assertThat(renewed.status()).isEqualTo(200);
            code = renewed.json().get("recoveryCodes").get(0).asString();
        }
    }
}
