package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.mfa.Base32;
import com.tttools.app.identity.mfa.Totp;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TwoFactorApiIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimiter limiter;
    @Autowired
    com.tttools.app.platform.mail.Mailer mailer;

    @AfterEach
    void forgetFailures() {
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
    }

    /** The code of the step after the current one: accepted (drift window) and never used before. */
    static String nextCode(String secret, int stepsAhead) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepsAhead);
    }

    record Enabled(ApiClient client, String email, String secret, List<String> recoveryCodes) {
    }

    Enabled enableTwoFactor() {
        String email = Users.uniqueEmail("mfa");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        var setup = client.post("/api/v1/me/two-factor", null);
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().get("secret").asString();
        assertThat(setup.json().get("otpauthUri").asString()).startsWith("otpauth://totp/TTtools").contains("secret=" + secret);

        var confirmed = client.post("/api/v1/me/two-factor/confirm", Map.of("code", Totp.code(Base32.decode(secret),
                Totp.step(Instant.now()))));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Enabled(client, email, secret, codes);
    }

    @Test
    void setupNeedsAValidCodeAndIssuesTenRecoveryCodes() {
        ApiClient client = Users.signedUpAndVerified(port, Users.uniqueEmail("mfa-setup"), mailer);
        client.post("/api/v1/me/two-factor", null);
        var wrong = client.post("/api/v1/me/two-factor/confirm", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(client.get("/api/v1/me/two-factor").json().get("enabled").asBoolean()).isFalse();

        Enabled enabled = enableTwoFactor();
        assertThat(enabled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        var status = enabled.client().get("/api/v1/me/two-factor").json();
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("unusedRecoveryCodes").asInt()).isEqualTo(10);
        assertThat(enabled.client().get("/api/v1/me").json().get("twoFactorEnabled").asBoolean()).isTrue();
        assertThat(enabled.client().post("/api/v1/me/two-factor", null).status()).isEqualTo(409);
    }

    @Test
    void theSecretIsStoredSealedNotInPlainText() {
        Enabled enabled = enableTwoFactor();
        byte[] stored = jdbc.sql("""
                        SELECT secret_ciphertext FROM user_two_factor t JOIN users u ON u.id = t.user_id
                        WHERE u.email = :email""").param("email", enabled.email()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(enabled.secret());
        String keyId = jdbc.sql("""
                        SELECT secret_key_id FROM user_two_factor t JOIN users u ON u.id = t.user_id
                        WHERE u.email = :email""").param("email", enabled.email()).query(String.class).single();
        assertThat(keyId).isNotBlank();
    }

    @Test
    void loginAsksForTheCodeAcceptsItOnceAndRefusesItsReplay() {
        Enabled enabled = enableTwoFactor();
        ApiClient fresh = new ApiClient(port);
        var withoutCode = fresh.post("/api/v1/auth/login", Map.of("email", enabled.email(), "password", Users.PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(fresh.get("/api/v1/me").status()).isEqualTo(401);

        String code = nextCode(enabled.secret(), 1);
        var withCode = fresh.post("/api/v1/auth/login",
                Map.of("email", enabled.email(), "password", Users.PASSWORD, "totpCode", code));
        assertThat(withCode.status()).isEqualTo(200);
        assertThat(fresh.get("/api/v1/me").status()).isEqualTo(200);

        var replay = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", enabled.email(), "password", Users.PASSWORD, "totpCode", code));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("The email or password is incorrect.");

        var wrongPassword = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", enabled.email(), "password", "wrong password here", "totpCode", nextCode(enabled.secret(), 0)));
        assertThat(wrongPassword.status()).isEqualTo(401);
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, enabled.email().toLowerCase());
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        Enabled enabled = enableTwoFactor();
        String recovery = enabled.recoveryCodes().get(3).toLowerCase();
        var first = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", enabled.email(), "password", Users.PASSWORD, "totpCode", recovery));
        assertThat(first.status()).isEqualTo(200);
        var second = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", enabled.email(), "password", Users.PASSWORD, "totpCode", recovery));
        assertThat(second.status()).isEqualTo(401);
        assertThat(enabled.client().get("/api/v1/me/two-factor").json().get("unusedRecoveryCodes").asInt()).isEqualTo(9);
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, enabled.email().toLowerCase());
    }

    @Test
    void turningItOffNeedsThePasswordAndACode() {
        Enabled enabled = enableTwoFactor();
        ApiClient client = enabled.client();
        assertThat(client.delete("/api/v1/me/two-factor", Map.of("password", "not my password", "code",
                nextCode(enabled.secret(), 1))).status()).isEqualTo(422);
        assertThat(client.delete("/api/v1/me/two-factor", Map.of("password", Users.PASSWORD, "code", "123456"))
                .status()).isEqualTo(422);
        assertThat(client.delete("/api/v1/me/two-factor", Map.of("password", Users.PASSWORD, "code",
                enabled.recoveryCodes().get(0))).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/me/two-factor").json().get("enabled").asBoolean()).isFalse();
        assertThat(new ApiClient(port).post("/api/v1/auth/login", Map.of("email", enabled.email(), "password",
                Users.PASSWORD)).status()).isEqualTo(200);
    }
}
