package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.mfa.Base32;
import com.tttools.app.identity.mfa.Totp;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Personal access tokens and account-security actions cannot outlive the recovery of an account: the attack
 * is "sign up with someone else's address, mint a token, keep it after the owner resets the password".
 */
class AccountRecoveryIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
    }

    @Test
    void theSquatterOfAnUnverifiedAddressGetsNoTokenAndNoSecondFactorAndTheOwnerRecoversEverything() {
        String email = Users.uniqueEmail("squatted");
        ApiClient squatter = Users.signedUp(port, email);

        ApiClient.Response token = squatter.post("/api/v1/me/tokens", Map.of("name", "persistence"));
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.body()).contains("Verify your email address");
        ApiClient.Response twoFactor = squatter.post("/api/v1/me/two-factor", null);
        assertThat(twoFactor.status()).isEqualTo(403);

        ApiClient owner = new ApiClient(port);
        assertThat(owner.post("/api/v1/auth/password-reset", Map.of("email", email)).status()).isEqualTo(202);
        String reset = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));
        String ownersPassword = "the real owner's passphrase 31";
        assertThat(owner.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", reset, "newPassword", ownersPassword)).status()).isEqualTo(204);

        assertThat(squatter.get("/api/v1/me").status()).isEqualTo(401);
        ApiClient signedIn = Users.loggedIn(port, email, ownersPassword);
        assertThat(signedIn.get("/api/v1/me").json().get("emailVerified").asBoolean()).isTrue();
        assertThat(signedIn.get("/api/v1/me").json().get("twoFactorEnabled").asBoolean()).isFalse();
    }

    @Test
    void aPasswordResetRevokesEveryAccessToken() {
        String email = Users.uniqueEmail("reset-pat");
        ApiClient holder = Users.signedUpAndVerified(port, email, mailer);
        ApiClient script = new ApiClient(port).bearer(mint(holder, "before the reset"));
        assertThat(script.get("/api/v1/me").status()).isEqualTo(200);

        ApiClient anonymous = new ApiClient(port);
        anonymous.post("/api/v1/auth/password-reset", Map.of("email", email));
        String reset = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", reset, "newPassword", "a recovered passphrase 64")).status()).isEqualTo(204);

        assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
        ApiClient again = Users.loggedIn(port, email, "a recovered passphrase 64");
        assertThat(again.get("/api/v1/me/tokens").json().get("items").size()).isZero();
    }

    @Test
    void aUsedOrUnknownResetLinkSaysSoAndOffersANewLinkInsteadOfTheForm() {
        String email = Users.uniqueEmail("reset-used");
        Users.signedUpAndVerified(port, email, mailer);
        ApiClient anonymous = new ApiClient(port);
        anonymous.post("/api/v1/auth/password-reset", Map.of("email", email));
        String reset = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));

        String fresh = anonymous.get("/reset-password?token=" + reset).body();
        assertThat(fresh).contains("name=\"newPassword\"").doesNotContain("id=\"reset-link-unusable\"");
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", reset, "newPassword", "a recovered passphrase 65")).status()).isEqualTo(204);

        for (String token : new String[] {reset, "not-a-real-token", ""}) {
            String used = anonymous.get("/reset-password?token=" + token).body();
            assertThat(used).as(token).contains("id=\"reset-link-unusable\"")
                    .contains("href=\"/forgot-password\"").doesNotContain("name=\"newPassword\"");
        }
        assertThat(anonymous.get("/reset-password?token=" + reset).body()).as("the used link says it was used")
                .contains("data-state=\"USED\"").contains("This link was already used.").contains("href=\"/login\"");
        assertThat(anonymous.get("/reset-password?token=not-a-real-token").body())
                .contains("data-state=\"UNKNOWN\"").contains("This link is not valid.")
                .doesNotContain("already used");
    }

    @Test
    void aTokenExpiryPickedOnTheAccountPageIsShownAsTheLastDayItWorks() {
        ApiClient user = Users.signedUpAndVerified(port, Users.uniqueEmail("pat-expiry"), mailer);
        assertThat(user.postForm("/account/tokens", "name=dated&expiresOn=2027-01-31", true).status()).isEqualTo(302);
        assertThat(user.get("/api/v1/me/tokens").json().get("items").get(0).get("expiresAt").asString())
                .isEqualTo("2027-02-01T00:00:00Z");
        java.util.regex.Matcher expiry = java.util.regex.Pattern.compile("class=\"token-expiry\">([^<]*)<")
                .matcher(user.get("/account").body());
        assertThat(expiry.find()).isTrue();
        assertThat(expiry.group(1)).isEqualTo("2027-01-31");
    }

    @Test
    void aPasswordChangeRevokesEveryAccessTokenButKeepsTheCurrentSession() {
        String email = Users.uniqueEmail("change-pat");
        ApiClient holder = Users.signedUpAndVerified(port, email, mailer);
        ApiClient script = new ApiClient(port).bearer(mint(holder, "before the change"));

        assertThat(holder.post("/api/v1/me/password", Map.of("currentPassword", Users.PASSWORD,
                "newPassword", "a changed passphrase 65")).status()).isEqualTo(204);

        assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(holder.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aReadWriteTokenCannotMintTokensTouchTheSecondFactorOrEndSessions() {
        String email = Users.uniqueEmail("pat-limits");
        ApiClient owner = Users.signedUpAndVerified(port, email, mailer);
        ApiClient script = new ApiClient(port).bearer(mint(owner, "read-write with expiry",
                Instant.now().plusSeconds(3600)));

        assertReauthenticationRequired(script.post("/api/v1/me/tokens", Map.of("name", "forever")));
        assertReauthenticationRequired(script.post("/api/v1/me/two-factor", null));
        assertReauthenticationRequired(script.post("/api/v1/me/two-factor/confirm", Map.of("code", "123456")));
        assertReauthenticationRequired(script.post("/api/v1/me/two-factor/recovery-codes", Map.of("code", "123456")));
        assertReauthenticationRequired(script.delete("/api/v1/me/two-factor",
                Map.of("password", Users.PASSWORD, "code", "123456")));
        assertReauthenticationRequired(script.delete("/api/v1/me/sessions"));
        String ownersSession = owner.get("/api/v1/me/sessions").json().get("items").get(0).get("id").asString();
        assertReauthenticationRequired(script.delete("/api/v1/me/sessions/" + ownersSession));
        assertReauthenticationRequired(script.post("/api/v1/me/reauthenticate", Map.of("password", Users.PASSWORD)));

        assertThat(owner.get("/api/v1/me").status()).as("the owner's session lives").isEqualTo(200);
        assertThat(owner.get("/api/v1/me/tokens").json().get("items").size()).isEqualTo(1);
        assertThat(owner.get("/api/v1/me/two-factor").json().get("enabled").asBoolean()).isFalse();
        assertThat(script.get("/api/v1/me/two-factor").status()).as("reading stays allowed").isEqualTo(200);
    }

    @Test
    void aSessionSignedInJustNowEnrolsTheSecondFactorAndReauthenticationChecksThePassword() {
        ApiClient owner = Users.signedUpAndVerified(port, Users.uniqueEmail("recent"), mailer);
        ApiClient.Response wrong = owner.post("/api/v1/me/reauthenticate", Map.of("password", "not the password at all"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(owner.post("/api/v1/me/reauthenticate", Map.of("password", Users.PASSWORD)).status()).isEqualTo(204);

        String secret = owner.post("/api/v1/me/two-factor", null).json().get("secret").asString();
        ApiClient.Response confirmed = owner.post("/api/v1/me/two-factor/confirm",
                Map.of("code", Totp.code(Base32.decode(secret), Totp.step(Instant.now()))));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(owner.post("/api/v1/me/reauthenticate",
                Map.of("code", Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + 1))).status()).isEqualTo(204);
    }

    @Test
    void theConfirmPasswordPageChecksThePasswordAndReturnsWhereTheUserWas() {
        ApiClient user = Users.signedUp(port, Users.uniqueEmail("confirm-page"));
        ApiClient.Response wrong = user.postForm("/account/confirm-password",
                "next=/account/two-factor&password=not+the+password+at+all", true);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("is not your current password");
        ApiClient.Response right = user.postForm("/account/confirm-password",
                "next=/account/two-factor&password=" + Users.PASSWORD.replace(' ', '+'), true);
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.header("Location").orElseThrow()).endsWith("/account/two-factor");
        ApiClient.Response offSite = user.postForm("/account/confirm-password",
                "next=//evil.example&password=" + Users.PASSWORD.replace(' ', '+'), true);
        assertThat(offSite.header("Location").orElseThrow()).endsWith("/account");
    }

    private static void assertReauthenticationRequired(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:tttools:problem:reauthentication-required");
    }

    private static String mint(ApiClient owner, String name) {
        return mint(owner, name, null);
    }

    private static String mint(ApiClient owner, String name, Instant expiresAt) {
        Map<String, Object> body = expiresAt == null ? Map.of("name", name)
                : Map.of("name", name, "expiresAt", expiresAt.toString());
        ApiClient.Response created = owner.post("/api/v1/me/tokens", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }
}
