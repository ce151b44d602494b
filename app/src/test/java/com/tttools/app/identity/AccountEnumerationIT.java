package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sign-up and password reset answer the same whether or not the address has an account. */
class AccountEnumerationIT extends IntegrationTest {

    /** Headers that differ between any two requests (and the session cookie's value, compared by name). */
    static final Set<String> PER_REQUEST = Set.of("x-request-id", "date", "set-cookie", "content-length");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void forgetSignUps() {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void signUpWithATakenAddressAnswersLikeANewOneAndMailsTheOwnerInstead() {
        String taken = Users.uniqueEmail("taken");
        ApiClient owner = Users.signedUp(port, taken);
        String ownerId = owner.get("/api/v1/me").json().get("id").asString();
        String fresh = Users.uniqueEmail("fresh");

        ApiClient.Response forTaken = new ApiClient(port).post("/api/v1/auth/signup", Users.signup(taken));
        ApiClient.Response forFresh = new ApiClient(port).post("/api/v1/auth/signup", Users.signup(fresh));

        assertThat(forTaken.status()).isEqualTo(forFresh.status()).isEqualTo(201);
        assertThat(fieldNames(forTaken.json())).isEqualTo(fieldNames(forFresh.json()));
        assertThat(forTaken.json().get("email").asString()).isEqualTo(taken);
        assertThat(forTaken.json().get("name").asString()).isEqualTo(Users.signup(taken).get("name"));
        assertThat(forTaken.json().get("emailVerified").asBoolean()).isFalse();
        assertThat(UUID.fromString(forTaken.json().get("id").asString()).toString()).isNotEqualTo(ownerId);
        assertThat(stableHeaders(forTaken)).isEqualTo(stableHeaders(forFresh));
        assertThat(cookieNames(forTaken)).isEqualTo(cookieNames(forFresh)).contains("SESSION");

        MailMessage notice = Mailbox.latestTo((DevMailbox) mailer, taken, "Someone tried to sign up");
        assertThat(notice.text()).contains("already has an account").contains("/login");
        assertThat(mailsTo(taken, "Confirm your TTtools email")).as("no second verification mail").hasSize(1);
        assertThat(jdbc.sql("select count(*) from users where id = :id::uuid")
                .param("id", forTaken.json().get("id").asString()).query(Long.class).single()).isZero();
        Users.loggedIn(port, taken, Users.PASSWORD);
    }

    @Test
    void signUpFormWithATakenAddressRedirectsLikeANewOne() {
        String taken = Users.uniqueEmail("taken-page");
        Users.signedUp(port, taken);
        ApiClient.Response forTaken = new ApiClient(port).postForm("/signup",
                "name=Page+User&password=" + Users.PASSWORD.replace(' ', '+') + "&email=" + taken, true);
        ApiClient.Response forFresh = new ApiClient(port).postForm("/signup",
                "name=Page+User&password=" + Users.PASSWORD.replace(' ', '+') + "&email=" + Users.uniqueEmail("fresh-page"), true);
        assertThat(forTaken.status()).isEqualTo(forFresh.status()).isEqualTo(302);
        assertThat(forTaken.header("Location")).isEqualTo(forFresh.header("Location"));
        assertThat(forTaken.body()).isEqualTo(forFresh.body());
    }

    @Test
    void passwordResetAnswersTheSameForKnownAndUnknownAddresses() {
        String known = Users.uniqueEmail("reset-known");
        Users.signedUp(port, known);
        ApiClient.Response forKnown = new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", known));
        ApiClient.Response forUnknown = new ApiClient(port).post("/api/v1/auth/password-reset",
                Map.of("email", Users.uniqueEmail("reset-unknown")));
        assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        assertThat(stableHeaders(forKnown)).isEqualTo(stableHeaders(forUnknown));
    }

    private List<MailMessage> mailsTo(String to, String subjectPart) {
        return ((DevMailbox) mailer).messages().stream().map(DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains(subjectPart)).toList();
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>(json.propertyNames());
        names.sort(null);
        return names;
    }

    private static Map<String, List<String>> stableHeaders(ApiClient.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.raw().headers().map().forEach((name, values) -> {
            if (!PER_REQUEST.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    private static List<String> cookieNames(ApiClient.Response response) {
        return response.raw().headers().allValues("set-cookie").stream().map(c -> c.substring(0, c.indexOf('=')))
                .sorted().toList();
    }
}
