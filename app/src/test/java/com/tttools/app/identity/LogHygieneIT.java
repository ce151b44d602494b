package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.DebugLogging;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With DEBUG logging for our code, Spring MVC and Spring Security, a run through every credential-bearing flow
 * leaves no password, reset token, personal access token, session id or CSRF token in the log; nor do the links
 * that carry a secret in their URL (an invitation's token in the path, a confirmation or reset token in the query).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT extends IntegrationTest {

    @RegisterExtension
    final DebugLogging debug = new DebugLogging(DebugLogging.REQUEST_HANDLING);

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void credentialFlowsLeaveNoSecretInTheLog(CapturedOutput output) {
        String email = Users.uniqueEmail("hygiene");
        String password = "hygienic passphrase " + System.nanoTime();
        ApiClient client = new ApiClient(port);
        String csrf = client.csrfToken();
        assertThat(client.post("/api/v1/auth/signup", Map.of("email", email, "password", password, "name", "Hy Giene"))
                .status()).isEqualTo(201);
        String session = client.sessionCookie();
        String verifyToken = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email"));
        client.post("/api/v1/auth/verify-email", Map.of("token", verifyToken));
        String pat = client.post("/api/v1/me/tokens", Map.of("name", "log test")).json().get("token").asString();
        new ApiClient(port).bearer(pat).get("/api/v1/me");
        new ApiClient(port).post("/api/v1/auth/login", Map.of("email", email, "password", password + "-wrong"));

        client.post("/api/v1/auth/password-reset", Map.of("email", email));
        String resetToken = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));
        String newPassword = "another hygienic phrase " + System.nanoTime();
        client.post("/api/v1/auth/password-reset/confirm", Map.of("token", resetToken, "newPassword", newPassword));
        Users.loggedIn(port, email, newPassword);

        String log = output.getAll();
        assertThat(log).as("the flows were logged at DEBUG").contains("/api/v1/auth/signup");
        assertThat(log).doesNotContain(password).doesNotContain(newPassword).doesNotContain(verifyToken)
                .doesNotContain(resetToken).doesNotContain(pat).doesNotContain(pat.substring(8))
                .doesNotContain(session).doesNotContain(csrf);
    }

    @Test
    void secretsInUrlsLeaveNoTraceInTheLog(CapturedOutput output) {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("hygiene-owner");
        Tenants.User invitee = tenants.verifiedUser("hygiene-invitee");
        String pageToken = tenants.invite(owner, tenants.createOrganization(owner, "Hygiene Page Org"), invitee.email(),
                "MEMBER", List.of());
        String page = "/invitations/" + pageToken;
        ApiClient anonymous = new ApiClient(port);
        Tenants.expect(anonymous.get(page), 200);
        anonymous.get("/login?next=" + page);
        Tenants.expect(invitee.api().get(page), 200);
        Tenants.expect(invitee.api().postForm(page + "/accept", "", true), 302);
        // accepted already: the page sends the invitee back to the link
        assertThat(Tenants.expect(invitee.api().postForm(page + "/accept", "", true), 302).header("Location").orElseThrow())
                .endsWith(page);
        Tenants.expect(owner.api().post("/api/v1/organizations/" + tenants.createOrganization(owner, "Hygiene Api Org")
                + "/invitations", Map.of("email", invitee.email(), "role", "MEMBER", "workspaces", List.of())), 201);
        String apiToken = tenants.resentInvitationToken(invitee.email(), pageToken);
        Tenants.expect(invitee.api().post("/api/v1/invitations/" + apiToken + "/accept", Map.of()), 200);
        String unknown = "unknownInvitationToken" + System.nanoTime();
        anonymous.get("/invitations/" + unknown);
        invitee.api().postForm("/invitations/" + unknown + "/accept", "", true);
        invitee.api().post("/api/v1/invitations/" + unknown + "/accept", Map.of());
        anonymous.get("/invitations/" + unknown + "/elsewhere");
        anonymous.get("/api/v1/invitations/" + unknown + "/accept");

        String email = Users.uniqueEmail("hygiene-links");
        ApiClient newcomer = Users.signedUp(port, email);
        String verifyToken = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email"));
        newcomer.get("/verify-email?token=" + verifyToken);
        new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", email));
        String resetToken = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Reset your TTtools password"));
        new ApiClient(port).get("/reset-password?token=" + resetToken);

        String log = output.getAll();
        assertThat(log).as("the requests were logged at DEBUG").contains("/invitations/").contains("/verify-email");
        assertThat(log).doesNotContain(pageToken).doesNotContain(apiToken).doesNotContain(unknown)
                .doesNotContain(verifyToken).doesNotContain(resetToken);
    }

    /**
     * Tomcat's HTTP/1.1 reader prints the raw request (cookies, headers, the body's start) in its trace, which reaches
     * Logback as DEBUG: dropped.
     */
    @Test
    void tomcatsRawRequestBytesLeaveNoSecretInTheLog(CapturedOutput output) {
        String email = Users.uniqueEmail("hygiene-raw");
        Users.signedUp(port, email);
        DebugLogging tomcat = new DebugLogging(LogLevel.TRACE, List.of("org.apache.coyote.http11"));
        tomcat.turnOn();
        try {
            ApiClient client = new ApiClient(port);
            String csrf = client.csrfToken();
            Tenants.expect(client.post("/api/v1/auth/login", Map.of("email", email, "password", Users.PASSWORD)), 200);
            Tenants.expect(client.get("/api/v1/me"), 200);
            String session = client.sessionCookie();

            // Tomcat's own lines, when its JUL logger takes the TRACE level (it did when this class ran alone; in the
            // whole suite it stayed silent, so the lines below are the check that always runs)
            java.util.logging.Logger reader = java.util.logging.Logger.getLogger(
                    "org.apache.coyote.http11.Http11InputBuffer");
            java.util.logging.Level before = reader.getLevel();
            reader.setLevel(java.util.logging.Level.FINEST);
            // the JUL-to-SLF4J bridge Boot installs is removed when any context of the suite closes (Boot's logging
            // clean-up); a running application has it, so this check puts it back for its own lines
            boolean bridged = org.slf4j.bridge.SLF4JBridgeHandler.isInstalled();
            if (!bridged) {
                org.slf4j.bridge.SLF4JBridgeHandler.install();
            }
            try {
                // the raw dump's shape as Tomcat writes it, through the running application's JUL bridge and filters
                reader.fine("Received [POST /api/v1/auth/login HTTP/1.1\r\nCookie: SESSION=" + session
                        + "\r\nX-XSRF-TOKEN: " + csrf + "\r\n\r\n{\"password\":\"" + Users.PASSWORD + "\"}]");
                reader.fine("Before fill(): hygiene control line");
            } finally {
                reader.setLevel(before);
                if (!bridged) {
                    org.slf4j.bridge.SLF4JBridgeHandler.uninstall();
                }
            }
            String log = output.getAll();
            assertThat(log).as("the reader's other lines reach the log").contains("hygiene control line");
            assertThat(log).doesNotContain(Users.PASSWORD).doesNotContain(session).doesNotContain(csrf);
        } finally {
            tomcat.restore();
        }
    }
}
