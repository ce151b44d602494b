package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With DEBUG logging for our code, Spring MVC and Spring Security, a run through every credential-bearing flow
 * leaves no password, reset token, personal access token, session id or CSRF token in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIT extends IntegrationTest {

    static final String[] LOGGERS = {"com.tttools", "org.springframework.web", "org.springframework.security",
            "org.springframework.session"};

    @Autowired
    Mailer mailer;

    private final Map<String, LogLevel> configured = new HashMap<>();

    @BeforeEach
    void debugLogging() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        for (String logger : LOGGERS) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            configured.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
    }

    /** Back to the levels configured before (not to none: that would silence com.tttools's INFO for later tests). */
    @AfterEach
    void restoreLogging() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        configured.forEach(logging::setLogLevel);
    }

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
}
