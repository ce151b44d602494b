package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdentityApiIT extends IntegrationTest {

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

    DevMailbox mailbox() {
        return (DevMailbox) mailer;
    }

    @Test
    void signUpStartsASessionAndMeDescribesTheUser() {
        String email = Users.uniqueEmail("signup");
        ApiClient client = new ApiClient(port);
        ApiClient.Response created = client.post("/api/v1/auth/signup", Users.signup(email));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(created.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.body()).doesNotContain("argon2");

        ApiClient.Response me = client.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("twoFactorEnabled").asBoolean()).isFalse();
        assertThat(me.json().get("organizations").isArray()).isTrue();
        String hash = jdbc.sql("select password_hash from users where email = :e").param("e", email).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void signUpWithoutCsrfTokenIsRefused() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response response = client.postWithoutCsrf("/api/v1/auth/signup", Users.signup(Users.uniqueEmail("nocsrf")));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
        java.util.Set<String> tokens = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = new ApiClient(port).csrfToken();
            assertThat(token).hasSizeGreaterThanOrEqualTo(43).doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-.*");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(20);
    }

    @Test
    void invalidSignUpNamesEveryBadFieldAndCreatesNothing() {
        String longEmail = "x".repeat(250) + "@example.com";
        Map<String, Object> body = new HashMap<>();
        body.put("email", longEmail);
        body.put("password", "short");
        body.put("name", "n".repeat(201));
        ApiClient.Response response = new ApiClient(port).post("/api/v1/auth/signup", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").toString()).contains("\"email\"").contains("\"password\"").contains("\"name\"");
        assertThat(jdbc.sql("select count(*) from users where email = :e").param("e", longEmail).query(Integer.class).single())
                .isZero();
    }

    @Test
    void missingFieldsAndMalformedJsonAre422() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response missing = client.post("/api/v1/auth/signup", Map.of("email", "a@b.co"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").toString()).contains("password").contains("name");

        ApiClient.Response malformed = client.postRaw("/api/v1/auth/signup", "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("tools.jackson");

        ApiClient.Response invalidEmail = client.post("/api/v1/auth/signup",
                Map.of("email", "not-an-email", "password", Users.PASSWORD, "name", "X"));
        assertThat(invalidEmail.status()).isEqualTo(422);
        assertThat(invalidEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void commonPasswordsAndPasswordsContainingTheEmailAreRefused() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response common = client.post("/api/v1/auth/signup",
                Map.of("email", Users.uniqueEmail("common"), "password", "qwerty123456", "name", "X"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.body()).contains("most commonly used");

        ApiClient.Response containsEmail = client.post("/api/v1/auth/signup",
                Map.of("email", "marguerite@example.com", "password", "my name is Marguerite!", "name", "X"));
        assertThat(containsEmail.status()).isEqualTo(422);
        assertThat(containsEmail.body()).contains("email address");
    }

    @Test
    void passwordsOf12To128CodePointsAreAcceptedIncludingEmoji() {
        String emoji = "\uD83D\uDE00".repeat(64);
        ApiClient.Response ok = new ApiClient(port).post("/api/v1/auth/signup",
                Map.of("email", Users.uniqueEmail("emoji"), "password", emoji, "name", "Emoji"));
        assertThat(ok.status()).isEqualTo(201);
        ApiClient.Response tooLong = new ApiClient(port).post("/api/v1/auth/signup",
                Map.of("email", Users.uniqueEmail("long"), "password", "a".repeat(129), "name", "Long"));
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void duplicateEmailAnswersLikeANewSignUpWhateverItsCaseAndCreatesNothing() {
        String email = Users.uniqueEmail("dup");
        Users.signedUp(port, email);
        ApiClient again = new ApiClient(port);
        ApiClient.Response response = again.post("/api/v1/auth/signup", Users.signup(email.toUpperCase()));
        assertThat(response.status()).isEqualTo(201);
        assertThat(again.get("/api/v1/me").status()).as("not signed in to the existing account").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from users where lower(email) = lower(:e)").param("e", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownEmailAndWrongPasswordGetByteIdenticalAnswers() {
        String email = Users.uniqueEmail("enum");
        Users.signedUp(port, email);
        ApiClient.Response wrongPassword = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", email, "password", "definitely not it 123"));
        ApiClient.Response unknownEmail = new ApiClient(port).post("/api/v1/auth/login",
                Map.of("email", Users.uniqueEmail("nobody"), "password", "definitely not it 123"));

        assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownEmail.status());
        assertThat(withoutRequestId(wrongPassword.body())).isEqualTo(withoutRequestId(unknownEmail.body()));
        assertThat(wrongPassword.body()).contains("The email or password is incorrect.");
    }

    @Test
    void unknownEmailTakesAboutAsLongAsAWrongPassword() {
        String email = Users.uniqueEmail("timing");
        Users.signedUp(port, email);
        long[] known = new long[9];
        long[] unknown = new long[9];
        for (int i = 0; i < known.length; i++) {
            known[i] = timeLogin(email);
            unknown[i] = timeLogin(Users.uniqueEmail("ghost"));
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, email.toLowerCase());
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        long medianKnown = known[known.length / 2];
        long medianUnknown = unknown[unknown.length / 2];
        // Both run one Argon2id verification (~70 ms here); without the dummy check the unknown case takes ~2 ms.
        assertThat(Math.abs(medianKnown - medianUnknown)).as("median ms known=%d unknown=%d", medianKnown, medianUnknown)
                .isLessThan(Math.max(40, medianKnown / 2));
    }

    private long timeLogin(String email) {
        ApiClient client = new ApiClient(port);
        long start = System.nanoTime();   // includes the CSRF fetch in both cases, so the difference is the login
        ApiClient.Response response = client.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password 1234"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.status()).isEqualTo(401);
        return millis;
    }

    @Test
    void loginRotatesTheSessionIdAndLogoutKillsTheCopiedCookie() {
        String email = Users.uniqueEmail("rotate");
        Users.signedUp(port, email);
        ApiClient client = new ApiClient(port);
        client.post("/api/v1/auth/password-reset", Map.of("email", Users.uniqueEmail("warmup")));
        String before = client.sessionCookie();
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD)).status())
                .isEqualTo(200);
        String during = client.sessionCookie();
        assertThat(during).isNotNull().isNotEqualTo(before);
        assertThat(during).doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-.*").hasSizeGreaterThanOrEqualTo(43);

        ApiClient thief = new ApiClient(port).withSessionCookie(during);
        assertThat(thief.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(storedSessions(during)).isEqualTo(1);
        ApiClient.Response logout = client.post("/api/v1/auth/logout", null);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Clear-Site-Data")).hasValueSatisfying(v -> assertThat(v).contains("\"cookies\"", "\"storage\""));
        assertThat(storedSessions(during)).isZero();
        assertThat(thief.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }

    /** Security check 13: proving the password again rotates the session id; the old id is dead. */
    @Test
    void reauthenticationRotatesTheSessionIdAndTheOldIdNoLongerWorks() {
        String email = Users.uniqueEmail("reauth-rotate");
        ApiClient client = Users.signedUp(port, email);
        String before = client.sessionCookie();
        ApiClient copy = new ApiClient(port).withSessionCookie(before);
        assertThat(copy.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(client.post("/api/v1/me/reauthenticate", Map.of("password", Users.PASSWORD)).status()).isEqualTo(204);

        assertThat(client.sessionCookie()).isNotNull().isNotEqualTo(before);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(copy.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(storedSessions(before)).isZero();
    }

    private int storedSessions(String sessionId) {
        return jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", sessionId)
                .query(Integer.class).single();
    }

    /** Security check 6: a hash with weaker Argon2 parameters is replaced at the next good login, not at a bad one. */
    @Test
    void aWeakerHashIsReplacedAtTheNextSuccessfulLoginAndAFailedLoginLeavesItAlone() {
        String email = Users.uniqueEmail("rehash");
        Users.signedUp(port, email);
        String weak = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 16_384, 2)
                .encode(Users.PASSWORD);
        jdbc.sql("update users set password_hash = :h where email = :e").param("h", weak).param("e", email).update();

        ApiClient client = new ApiClient(port);
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", "not the password at all")).status())
                .isEqualTo(401);
        assertThat(hashOf(email)).isEqualTo(weak);

        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(hashOf(email)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(weak);
    }

    private String hashOf(String email) {
        return jdbc.sql("select password_hash from users where email = :e").param("e", email).query(String.class).single();
    }

    @Test
    void emailVerificationLinkWorksOnce() {
        String email = Users.uniqueEmail("verify");
        ApiClient client = Users.signedUp(port, email);
        String token = Mailbox.tokenIn(Mailbox.latestTo(mailbox(), email, "Confirm your TTtools email"));

        assertThat(client.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/me").json().get("emailVerified").asBoolean()).isTrue();
        ApiClient.Response again = client.post("/api/v1/auth/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("invalid, already used or expired");
    }

    @Test
    void passwordResetIsAcceptedAlwaysAndEndsEveryOtherSession() {
        String email = Users.uniqueEmail("reset");
        ApiClient first = Users.signedUp(port, email);
        ApiClient second = Users.loggedIn(port, email, Users.PASSWORD);

        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.post("/api/v1/auth/password-reset", Map.of("email", Users.uniqueEmail("ghost"))).status())
                .isEqualTo(202);
        assertThat(anonymous.post("/api/v1/auth/password-reset", Map.of("email", email)).status()).isEqualTo(202);
        String token = Mailbox.tokenIn(Mailbox.latestTo(mailbox(), email, "Reset your TTtools password"));

        String newPassword = "a brand new passphrase 77";
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", newPassword)).status()).isEqualTo(204);

        assertThat(first.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(new ApiClient(port).post("/api/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD))
                .status()).isEqualTo(401);
        Users.loggedIn(port, email, newPassword);
        assertThat(anonymous.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "yet another passphrase 88")).status()).isEqualTo(422);
    }

    @Test
    void tenFailedLoginsForAnAccountAnswer429WithRetryAfter() {
        String email = Users.uniqueEmail("brute");
        Users.signedUp(port, email);
        ApiClient attacker = new ApiClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.post("/api/v1/auth/login", Map.of("email", email, "password", "guess number " + i))
                    .status()).isEqualTo(401);
        }
        ApiClient.Response throttled = attacker.post("/api/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, email.toLowerCase());
    }

    @Test
    void thirtyFailedLoginsFromOneIpAnswer429ForAnyAccount() {
        ApiClient attacker = new ApiClient(port);
        for (int i = 0; i < 30; i++) {
            attacker.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("spray"), "password", "spray " + i));
        }
        ApiClient.Response throttled = attacker.post("/api/v1/auth/login",
                Map.of("email", Users.uniqueEmail("spray"), "password", "spray again"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
    }

    /**
     * Security check 8: without a trusted proxy configured ({@code TTTOOLS_FORWARD_HEADERS=none}, the default), a
     * client's own {@code X-Forwarded-For} does not move its failures to another address.
     */
    @Test
    void aSpoofedForwardedForDoesNotEscapeThePerAddressLimit() {
        ApiClient attacker = new ApiClient(port);
        for (int i = 0; i < 30; i++) {
            attacker.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("spoof"), "password", "spoofed spray " + i),
                    Map.of("X-Forwarded-For", "203.0.113." + (i + 1), "X-Real-IP", "198.51.100." + (i + 1)));
        }
        ApiClient.Response throttled = attacker.post("/api/v1/auth/login",
                Map.of("email", Users.uniqueEmail("spoof"), "password", "spoofed spray again"),
                Map.of("X-Forwarded-For", "192.0.2.77"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
    }

    @Test
    void personalAccessTokensAuthenticateWithoutCsrfAndStopWhenRevoked() {
        String email = Users.uniqueEmail("pat");
        ApiClient owner = Users.signedUpAndVerified(port, email, mailer);
        ApiClient.Response created = owner.post("/api/v1/me/tokens", Map.of("name", "ci script"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asString();
        assertThat(secret).startsWith("ttt_pat_").hasSizeGreaterThanOrEqualTo(8 + 43);
        String id = created.json().get("id").asString();

        ApiClient script = new ApiClient(port).bearer(secret);
        assertThat(script.get("/api/v1/me").json().get("email").asString()).isEqualTo(email);
        assertThat(script.patch("/api/v1/me", Map.of("name", "Renamed by script")).status()).isEqualTo(200);
        ApiClient.Response listed = owner.get("/api/v1/me/tokens");
        assertThat(listed.body()).contains("ci script").doesNotContain(secret);
        assertThat(listed.json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(owner.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
        assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
        String stored = jdbc.sql("select encode(token_hash, 'hex') from personal_access_tokens where id = :id::uuid")
                .param("id", id).query(String.class).single();
        assertThat(stored).doesNotContain(secret);
    }

    @Test
    void readOnlyTokensCannotChangeAnything() {
        ApiClient owner = Users.signedUpAndVerified(port, Users.uniqueEmail("ro"), mailer);
        String secret = owner.post("/api/v1/me/tokens", Map.of("name", "dashboard", "readOnly", true)).json()
                .get("token").asString();
        ApiClient reader = new ApiClient(port).bearer(secret);
        assertThat(reader.get("/api/v1/me").status()).isEqualTo(200);
        ApiClient.Response write = reader.patch("/api/v1/me", Map.of("name", "nope"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void expiredOrUnknownTokensAre401() {
        ApiClient owner = Users.signedUpAndVerified(port, Users.uniqueEmail("exp"), mailer);
        ApiClient.Response past = owner.post("/api/v1/me/tokens", Map.of("name", "old", "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(new ApiClient(port).bearer("ttt_pat_notatoken").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aUserListsTheirSessionsAndEndsAnother() {
        String email = Users.uniqueEmail("sessions");
        ApiClient laptop = Users.signedUp(port, email);
        ApiClient phone = Users.loggedIn(port, email, Users.PASSWORD);

        ApiClient.Response listed = laptop.get("/api/v1/me/sessions");
        assertThat(listed.json().get("items").size()).isEqualTo(2);
        assertThat(listed.body()).doesNotContain(laptop.sessionCookie()).doesNotContain(phone.sessionCookie());
        String other = null;
        for (var item : listed.json().get("items")) {
            assertThat(item.get("ip").asString()).isEqualTo("127.0.0.1");
            if (!item.get("current").asBoolean()) {
                other = item.get("id").asString();
            }
        }
        assertThat(laptop.delete("/api/v1/me/sessions/" + other).status()).isEqualTo(204);
        assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(laptop.delete("/api/v1/me/sessions/not-a-session").status()).isEqualTo(404);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        String email = Users.uniqueEmail("change");
        ApiClient here = Users.signedUp(port, email);
        ApiClient elsewhere = Users.loggedIn(port, email, Users.PASSWORD);

        assertThat(here.post("/api/v1/me/password", Map.of("currentPassword", "wrong wrong wrong", "newPassword",
                "another good passphrase 9")).status()).isEqualTo(422);
        assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(here.post("/api/v1/me/password", Map.of("currentPassword", Users.PASSWORD, "newPassword",
                "another good passphrase 9")).status()).isEqualTo(204);
        assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(here.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void emailChangeTakesEffectWhenTheNewAddressConfirms() {
        String email = Users.uniqueEmail("old");
        String newEmail = Users.uniqueEmail("new");
        ApiClient client = Users.signedUp(port, email);
        assertThat(client.post("/api/v1/me/email", Map.of("email", newEmail, "currentPassword", Users.PASSWORD)).status())
                .isEqualTo(202);
        assertThat(client.get("/api/v1/me").json().get("email").asString()).isEqualTo(email);
        String token = Mailbox.tokenIn(Mailbox.latestTo(mailbox(), newEmail, "Confirm your new TTtools email"));
        assertThat(client.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        var me = client.get("/api/v1/me").json();
        assertThat(me.get("email").asString()).isEqualTo(newEmail);
        assertThat(me.get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void nameChangesAreValidated() {
        ApiClient client = Users.signedUp(port, Users.uniqueEmail("name"));
        assertThat(client.patch("/api/v1/me", Map.of("name", "Ada Lovelace")).json().get("name").asString())
                .isEqualTo("Ada Lovelace");
        assertThat(client.patch("/api/v1/me", Map.of("name", "x".repeat(201))).status()).isEqualTo(422);
        assertThat(client.patch("/api/v1/me", Map.of("name", " ")).status()).isEqualTo(422);
    }

    @Test
    void anonymousApiCallsAre401Problems() {
        ApiClient.Response response = new ApiClient(port).get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }
}
