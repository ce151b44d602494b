package com.tttools.app.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.Outbound;
import com.tttools.app.support.FakeHttpProvider.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resend and Postmark clients against local servers answering as the providers document: success shapes, error
 * bodies, 429 with and without Retry-After, and the failover from one provider to the next.
 */
class EmailProvidersTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FROM = "TTtools <alerts@mail.example.com>";

    FakeHttpProvider resend = new FakeHttpProvider(new Answer(200, Map.of(), "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}"));
    FakeHttpProvider postmark = new FakeHttpProvider(new Answer(200, Map.of(), """
            {"To":"ops@example.com","SubmittedAt":"2026-11-25T10:15:30.1234567-05:00",
             "MessageID":"0a129aee-e1cd-480d-b08d-4f48548ff48d","ErrorCode":0,"Message":"OK"}"""));

    ResendClient resendClient = new ResendClient(RestClient.builder(), resend.baseUrl(), "re_test_123", FROM);
    PostmarkClient postmarkClient = new PostmarkClient(RestClient.builder(), postmark.baseUrl(), "pm-server-token", FROM);

    @AfterEach
    void close() {
        resend.close();
        postmark.close();
    }

    static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), null, "ops@example.com", "alert.fired", "Campaign 1790 paused",
                "Spend cap reached", "<p>Spend cap reached</p>", null, List.of());
    }

    @Test
    void resendGetsBearerKeyUserAgentIdempotencyKeyAndTheDocumentedBody() throws Exception {
        OutgoingMessage message = message();

        assertThat(resendClient.send(message)).isEqualTo("49a3999c-0ce1-4ea6-ab68-afcd6dc2e794");

        FakeHttpProvider.Recorded request = resend.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/emails");
        assertThat(request.header("Authorization")).isEqualTo("Bearer re_test_123");
        assertThat(request.header("User-Agent")).isNotBlank();
        assertThat(request.header("Idempotency-Key")).isEqualTo("delivery/" + message.deliveryId());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("from").asString()).isEqualTo(FROM);
        assertThat(body.path("to").get(0).asString()).isEqualTo("ops@example.com");
        assertThat(body.path("subject").asString()).isEqualTo("Campaign 1790 paused");
        assertThat(body.path("text").asString()).isEqualTo("Spend cap reached");
        assertThat(body.path("html").asString()).isEqualTo("<p>Spend cap reached</p>");
    }

    /** Spring's RestClient prints the body it writes at DEBUG: ours hold the recipient's address and the message. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void neitherProvidersRequestBodyIsPrintedAtDebug(CapturedOutput output) throws Exception {
        Outbound.atClientDebug(() -> {
            resendClient.send(message());
            postmarkClient.send(message());
        });
        assertThat(output).as("the client logged at DEBUG").contains("Writing [");
        assertThat(output).doesNotContain("ops@example.com").doesNotContain("Spend cap reached");
    }

    @Test
    void resendRateLimitIsRetryableAfterItsRetryAfterAndAQuotaWaitsLong() {
        resend.then(new Answer(429, Map.of("ratelimit-limit", "10", "ratelimit-remaining", "0", "ratelimit-reset", "7",
                "retry-after", "7"), "{\"statusCode\":429,\"name\":\"rate_limit_exceeded\",\"message\":\"Too many requests.\"}"));
        resend.then(new Answer(429, Map.of("retry-after", "1"),
                "{\"statusCode\":429,\"name\":\"daily_quota_exceeded\",\"message\":\"You have reached your daily quota.\"}"));

        DeliveryFailure limited = catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message()));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(limited.getMessage()).contains("429").contains("rate_limit_exceeded");

        DeliveryFailure quota = catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message()));
        assertThat(quota.retryable()).isTrue();
        assertThat(quota.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void resendServerErrorsAreRetriedButAKeyOrRequestProblemIsNot() {
        resend.then(new Answer(500, Map.of(), "{\"statusCode\":500,\"name\":\"application_error\",\"message\":\"Internal\"}"));
        resend.then(new Answer(401, Map.of(), "{\"statusCode\":401,\"name\":\"missing_api_key\",\"message\":\"Missing API key in the authorization header.\"}"));
        resend.then(new Answer(422, Map.of(), "{\"statusCode\":422,\"name\":\"invalid_parameter\",\"message\":\"Invalid `to` field: ops@example.com\"}"));

        assertThat(catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message())).retryable()).isTrue();
        DeliveryFailure key = catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message()));
        assertThat(key.retryable()).isFalse();
        assertThat(key).isNotInstanceOf(RecipientRejected.class);
        DeliveryFailure recipient = catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message()));
        assertThat(recipient).isInstanceOf(RecipientRejected.class);
        assertThat(recipient.getMessage()).doesNotContain("ops@example.com");
    }

    @Test
    void resendUnreachableIsRetryable() {
        resend.close();
        DeliveryFailure down = catchThrowableOfType(DeliveryFailure.class, () -> resendClient.send(message()));
        assertThat(down.retryable()).isTrue();
        assertThat(down.getMessage()).contains("unreachable");
    }

    @Test
    void postmarkGetsItsTokenHeaderPascalCaseBodyAndTheDeliveryIdInMetadata() throws Exception {
        OutgoingMessage message = message();

        assertThat(postmarkClient.send(message)).isEqualTo("0a129aee-e1cd-480d-b08d-4f48548ff48d");

        FakeHttpProvider.Recorded request = postmark.requests().get(0);
        assertThat(request.path()).isEqualTo("/email");
        assertThat(request.header("X-Postmark-Server-Token")).isEqualTo("pm-server-token");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("To").asString()).isEqualTo("ops@example.com");
        assertThat(body.path("TextBody").asString()).isEqualTo("Spend cap reached");
        assertThat(body.path("MessageStream").asString()).isEqualTo("outbound");
        assertThat(body.path("Metadata").path("delivery_id").asString()).isEqualTo(message.deliveryId().toString());
    }

    @Test
    void postmarkReadsTheErrorCodeNotTheStatus() {
        postmark.then(new Answer(422, Map.of(), "{\"ErrorCode\":406,\"Message\":\"You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ops@example.com. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.\"}"));
        postmark.then(new Answer(401, Map.of(), "{\"ErrorCode\":10,\"Message\":\"The Server Token you provided in the X-Postmark-Server-Token request header was invalid. Please verify that you are using a valid token.\"}"));
        postmark.then(new Answer(429, Map.of(), "{\"ErrorCode\":429,\"Message\":\"Rate limit exceeded\"}"));
        postmark.then(new Answer(422, Map.of(), "{\"ErrorCode\":100,\"Message\":\"Maintenance\"}"));
        postmark.then(new Answer(503, Map.of(), ""));

        DeliveryFailure inactive = catchThrowableOfType(DeliveryFailure.class, () -> postmarkClient.send(message()));
        assertThat(inactive).isInstanceOf(RecipientRejected.class);
        assertThat(inactive.getMessage()).contains("ErrorCode 406").doesNotContain("ops@example.com");
        DeliveryFailure token = catchThrowableOfType(DeliveryFailure.class, () -> postmarkClient.send(message()));
        assertThat(token.retryable()).isFalse();
        DeliveryFailure limited = catchThrowableOfType(DeliveryFailure.class, () -> postmarkClient.send(message()));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).as("Postmark sends no Retry-After: our backoff decides").isNull();
        assertThat(catchThrowableOfType(DeliveryFailure.class, () -> postmarkClient.send(message())).retryable()).isTrue();
        assertThat(catchThrowableOfType(DeliveryFailure.class, () -> postmarkClient.send(message())).retryable()).isTrue();
    }

    @Test
    void aFailingResendFailsOverToPostmarkAndTheDeliveryNamesPostmark() throws Exception {
        resend.then(new Answer(503, Map.of(), "{\"statusCode\":503,\"name\":\"service_unavailable\",\"message\":\"down\"}"));
        EmailChannel channel = new EmailChannel(List.of(resendClient, postmarkClient), null);

        var sent = channel.sendReporting(message());

        assertThat(sent.provider()).isEqualTo("postmark");
        assertThat(sent.messageId()).isEqualTo("0a129aee-e1cd-480d-b08d-4f48548ff48d");
        assertThat(resend.requests()).hasSize(1);
        assertThat(postmark.requests()).hasSize(1);
    }

    @Test
    void aRecipientResendRejectsIsNotTriedOnPostmark() {
        resend.then(new Answer(422, Map.of(), "{\"statusCode\":422,\"name\":\"invalid_parameter\",\"message\":\"Invalid `to` field\"}"));
        EmailChannel channel = new EmailChannel(List.of(resendClient, postmarkClient), null);

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> channel.sendReporting(message()));

        assertThat(failure.retryable()).isFalse();
        assertThat(postmark.requests()).isEmpty();
    }

    @Test
    void whenEveryProviderIsDownTheChannelAsksForARetryAfterTheShortestWait() {
        resend.then(new Answer(429, Map.of("retry-after", "30"), "{\"statusCode\":429,\"name\":\"rate_limit_exceeded\",\"message\":\"slow down\"}"));
        postmark.then(new Answer(429, Map.of("Retry-After", "5"), "{\"ErrorCode\":429,\"Message\":\"Rate limit exceeded\"}"));
        EmailChannel channel = new EmailChannel(List.of(resendClient, postmarkClient), null);

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> channel.sendReporting(message()));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }
}
