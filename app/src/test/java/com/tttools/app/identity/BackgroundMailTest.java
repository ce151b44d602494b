package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.GatedMailbox;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The reset mail for a known address, and the "someone tried to sign up with your address" mail, are sent after
 * the request's transaction commits, on the background mail pool: with the mailer held shut the request has
 * already answered, and the mail arrives once the mailer lets it through. A failing mailer never reaches the user
 * and is logged without the recipient or the link.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackgroundMailTest extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    GatedMailbox gate;

    @BeforeEach
    void gate() {
        gate = (GatedMailbox) mailer;
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @AfterEach
    void openGate() {
        gate.failing(false);
        gate.open();
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void aResetRequestForAKnownAddressAnswersBeforeItsMailIsSent() {
        String known = Users.uniqueEmail("reset-background");
        Users.signedUp(port, known);
        Mailbox.latestTo((DevMailbox) mailer, known, "Confirm your TTtools email");   // sign-up's mail is through

        gate.close();
        ApiClient.Response answer = answeredWhileTheGateIsShut(() -> new ApiClient(port)
                .post("/api/v1/auth/password-reset", Map.of("email", known)));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(resetMailsTo(known)).as("not delivered while the mailer is held").isZero();

        gate.open();
        MailMessage mail = Mailbox.latestTo((DevMailbox) mailer, known, "Reset your TTtools password");
        assertThat(Mailbox.tokenIn(mail)).isNotBlank();
    }

    @Test
    void theSignUpAttemptMailForATakenAddressIsSentAfterTheAnswerToo() {
        String taken = Users.uniqueEmail("taken-background");
        Users.signedUp(port, taken);
        Mailbox.latestTo((DevMailbox) mailer, taken, "Confirm your TTtools email");

        gate.close();
        ApiClient.Response answer = answeredWhileTheGateIsShut(() -> new ApiClient(port)
                .post("/api/v1/auth/signup", Users.signup(taken)));
        assertThat(answer.status()).isEqualTo(201);

        gate.open();
        Mailbox.latestTo((DevMailbox) mailer, taken, "Someone tried to sign up");
    }

    @Test
    void aFailingMailerIsLoggedWithoutTheAddressOrTheLinkAndTheUserSeesNothing(CapturedOutput output) {
        String known = Users.uniqueEmail("reset-failing");
        Users.signedUp(port, known);
        Mailbox.latestTo((DevMailbox) mailer, known, "Confirm your TTtools email");

        gate.failing(true);
        ApiClient.Response answer = new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", known));
        assertThat(answer.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(
                "Mail \"Reset your TTtools password\" not sent in the background (MailDeliveryException)"));
        assertThat(output.getAll()).doesNotContain(known).doesNotContain("token=");
        assertThat(resetMailsTo(known)).isZero();
    }

    /** Sends the request on another thread and waits until it answered while a sender is held at the gate. */
    private ApiClient.Response answeredWhileTheGateIsShut(Supplier<ApiClient.Response> request) {
        CompletableFuture<ApiClient.Response> answer = CompletableFuture.supplyAsync(request);
        // the request must answer while its mail is held: on the old code it waits at the gate and never does
        await().atMost(Duration.ofSeconds(15)).until(answer::isDone);
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.waiting() == 1);
        assertThat(answer).as("answered with the mail still held").isCompleted();
        return answer.join();
    }

    private long resetMailsTo(String to) {
        return ((DevMailbox) mailer).messages().stream().map(DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(to) && m.subject().contains("Reset your")).count();
    }
}
