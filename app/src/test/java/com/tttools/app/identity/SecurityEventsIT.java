package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Identity's security events reach the audit module's security log, with IP and request id, and no secret. */
class SecurityEventsIT extends IntegrationTest {

    @Autowired
    SecurityLog securityLog;
    @Autowired
    RateLimiter limiter;
    @Autowired
    com.tttools.app.platform.mail.Mailer mailer;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void signInActivityIsRecordedForTheUser() {
        String email = Users.uniqueEmail("events");
        ApiClient client = Users.signedUpAndVerified(port, email, mailer);
        UserId userId = UserId.of(client.get("/api/v1/me").json().get("id").asString());
        new ApiClient(port).post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password 12345"));
        Users.loggedIn(port, email, Users.PASSWORD);
        String pat = client.post("/api/v1/me/tokens", Map.of("name", "events")).json().get("token").asString();
        client.post("/api/v1/auth/logout", null);
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");

        List<SecurityEvent> events = await().atMost(Duration.ofSeconds(15)).until(
                () -> securityLog.forUser(userId, 50, null).items(),
                items -> items.stream().map(SecurityEvent::type).toList()
                        .containsAll(List.of("login.failed", "login.succeeded", "token.created", "logout")));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.request().ip()).isEqualTo("127.0.0.1");
            assertThat(e.request().requestId()).isNotBlank();
        });
        assertThat(events.toString()).doesNotContain(pat).doesNotContain(Users.PASSWORD).doesNotContain("wrong password");

        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
        String page = Users.loggedIn(port, email, Users.PASSWORD).get("/account").body();
        assertThat(page).contains("Recent sign-in activity").contains(">Signed in<").doesNotContain(">login.succeeded<");
        assertThat(page).as("user agents summarised, the raw string only in a tooltip")
                .containsPattern(">Java \\d+</td>").doesNotContainPattern(">Java-http-client/[^<]*</td>");
    }

    @Test
    void csrfRejectionsAreSecurityEvents() {
        String requestId = "csrf-test-" + java.util.UUID.randomUUID();
        var response = com.tttools.app.support.Http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url("/api/v1/auth/login")))
                .header("X-Request-Id", requestId).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.com\",\"password\":\"y\"}"))
                .build());
        assertThat(response.statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM security_events WHERE type = 'csrf.rejected' AND request_id = :rid")
                .param("rid", requestId).query(Integer.class).single(), count -> count == 1);
    }
}
