package com.tttools.app.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resend's signed events and Postmark's Basic-authenticated ones move a sent delivery to DELIVERED or BOUNCED; a
 * forged signature or wrong credentials answer 401 and record nothing; a repeated event changes nothing. No CSRF
 * token or session is needed on these two paths.
 */
class ProviderWebhooksIT extends IntegrationTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    String sentDelivery(String provider) {
        String messageId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO notification_deliveries (id, channel, address, template, status, provider,
                    provider_message_id, attempts, created_at, updated_at)
                VALUES (:id, 'EMAIL', 'ops@example.com', 'verify-email', 'SENT', :provider, :messageId, 1, :now, :now)
                """).param("id", UUID.randomUUID()).param("provider", provider).param("messageId", messageId)
                .param("now", Timestamp.from(Instant.now())).update();
        return messageId;
    }

    String status(String messageId) {
        return jdbc.sql("SELECT status FROM notification_deliveries WHERE provider_message_id = :m")
                .param("m", messageId).query(String.class).single();
    }

    long eventsRecorded(String eventId) {
        return jdbc.sql("SELECT count(*) FROM notification_webhook_events WHERE event_id = :e").param("e", eventId)
                .query(Long.class).single();
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static String resendEvent(String type, String emailId) {
        return """
                {"type":"%s","created_at":"2026-11-22T23:41:12.126Z",
                 "data":{"email_id":"%s","message_id":"<111-222-333@email.example.com>",
                  "created_at":"2026-11-22T23:41:11.894Z","from":"Acme <onboarding@resend.dev>","to":["ops@example.com"],
                  "subject":"Hi","bounce":{"type":"Permanent","subType":"Suppressed","message":"Mailbox does not exist"},
                  "tags":{"kind":"alert"}}}""".formatted(type, emailId);
    }

    @Test
    void aSignedResendEventMarksTheDeliveryDeliveredThenABounceMarksItBounced() throws Exception {
        String emailId = sentDelivery("resend");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String delivered = resendEvent("email.delivered", emailId);
        String id = "msg_" + UUID.randomUUID();

        HttpResponse<String> answer = post("/webhooks/resend", delivered, "svix-id", id, "svix-timestamp", timestamp,
                "svix-signature", sign(id, timestamp, delivered));

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(status(emailId)).isEqualTo("DELIVERED");
        // the same event again (Resend retries with the same svix-id) is acknowledged and changes nothing
        assertThat(post("/webhooks/resend", delivered, "svix-id", id, "svix-timestamp", timestamp,
                "svix-signature", sign(id, timestamp, delivered)).statusCode()).isEqualTo(204);
        assertThat(eventsRecorded(id)).isEqualTo(1);

        String bounced = resendEvent("email.bounced", emailId);
        String bounceId = "msg_" + UUID.randomUUID();
        assertThat(post("/webhooks/resend", bounced, "svix-id", bounceId, "svix-timestamp", timestamp,
                "svix-signature", sign(bounceId, timestamp, bounced)).statusCode()).isEqualTo(204);
        assertThat(status(emailId)).isEqualTo("BOUNCED");
    }

    @Test
    void aForgedOrStaleResendSignatureIs401AndRecordsNothing() throws Exception {
        String emailId = sentDelivery("resend");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String body = resendEvent("email.bounced", emailId);
        String id = "msg_" + UUID.randomUUID();
        String tampered = body.replace("Mailbox does not exist", "Mailbox does not exist!");

        assertThat(post("/webhooks/resend", tampered, "svix-id", id, "svix-timestamp", timestamp,
                "svix-signature", sign(id, timestamp, body)).statusCode()).isEqualTo(401);
        String stale = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        assertThat(post("/webhooks/resend", body, "svix-id", id, "svix-timestamp", stale,
                "svix-signature", sign(id, stale, body)).statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/resend", body).statusCode()).isEqualTo(401);

        assertThat(status(emailId)).isEqualTo("SENT");
        assertThat(eventsRecorded(id)).isZero();
    }

    @Test
    void postmarkEventsNeedTheBasicCredentialsAndUpdateTheDelivery() throws Exception {
        String messageId = sentDelivery("postmark");
        String delivery = """
                {"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound","MessageID":"%s",
                 "Recipient":"ops@example.com","Tag":"alert","DeliveredAt":"2026-11-25T15:16:01Z",
                 "Details":"smtp;250 2.0.0 OK","Metadata":{"delivery_id":"x"}}""".formatted(messageId);
        String good = "Basic " + Base64.getEncoder().encodeToString("postmark-hook:test-hook-password".getBytes());
        String bad = "Basic " + Base64.getEncoder().encodeToString("postmark-hook:guess".getBytes());

        assertThat(post("/webhooks/postmark", delivery).statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/postmark", delivery, "Authorization", bad).statusCode()).isEqualTo(401);
        assertThat(status(messageId)).isEqualTo("SENT");

        assertThat(post("/webhooks/postmark", delivery, "Authorization", good, "X-PM-Webhook-Trace-Id",
                "trace-" + messageId).statusCode()).isEqualTo(200);
        assertThat(status(messageId)).isEqualTo("DELIVERED");

        String bounce = """
                {"RecordType":"Bounce","ID":4323372036,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce",
                 "MessageID":"%s","ServerID":23,"MessageStream":"outbound","Description":"The server was unable to deliver",
                 "Details":"smtp;550 5.1.1 user unknown","Email":"ops@example.com","BouncedAt":"2026-11-25T15:16:01Z",
                 "Inactive":true,"CanActivate":true,"Subject":"Hi"}""".formatted(messageId);
        assertThat(post("/webhooks/postmark", bounce, "Authorization", good).statusCode()).isEqualTo(200);
        assertThat(status(messageId)).isEqualTo("BOUNCED");
    }

    /**
     * Check 55: a provider delivers at least once, so the same event id three times is processed once. After the
     * first, the delivery is put back to SENT by hand: had a repeat been processed, it would be DELIVERED again.
     */
    @Test
    void theSameEventIdDeliveredThreeTimesIsProcessedOnce() throws Exception {
        String emailId = sentDelivery("resend");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String delivered = resendEvent("email.delivered", emailId);
        String id = "msg_" + UUID.randomUUID();
        String signature = sign(id, timestamp, delivered);

        assertThat(post("/webhooks/resend", delivered, "svix-id", id, "svix-timestamp", timestamp,
                "svix-signature", signature).statusCode()).isEqualTo(204);
        assertThat(status(emailId)).isEqualTo("DELIVERED");
        backToSent(emailId);
        for (int i = 0; i < 2; i++) {
            assertThat(post("/webhooks/resend", delivered, "svix-id", id, "svix-timestamp", timestamp,
                    "svix-signature", signature).statusCode()).isEqualTo(204);
        }
        assertThat(status(emailId)).isEqualTo("SENT");
        assertThat(eventsRecorded(id)).isEqualTo(1);

        String messageId = sentDelivery("postmark");
        String trace = "trace-" + UUID.randomUUID();
        String bounce = """
                {"RecordType":"Bounce","ID":4323372036,"Type":"HardBounce","TypeCode":1,"MessageID":"%s",
                 "Email":"ops@example.com","BouncedAt":"2026-11-25T15:16:01Z"}""".formatted(messageId);
        String good = "Basic " + Base64.getEncoder().encodeToString("postmark-hook:test-hook-password".getBytes());
        assertThat(post("/webhooks/postmark", bounce, "Authorization", good, "X-PM-Webhook-Trace-Id", trace)
                .statusCode()).isEqualTo(200);
        assertThat(status(messageId)).isEqualTo("BOUNCED");
        backToSent(messageId);
        for (int i = 0; i < 2; i++) {
            assertThat(post("/webhooks/postmark", bounce, "Authorization", good, "X-PM-Webhook-Trace-Id", trace)
                    .statusCode()).isEqualTo(200);
        }
        assertThat(status(messageId)).isEqualTo("SENT");
        assertThat(eventsRecorded(trace)).isEqualTo(1);
    }

    private void backToSent(String providerMessageId) {
        jdbc.sql("UPDATE notification_deliveries SET status = 'SENT' WHERE provider_message_id = :m")
                .param("m", providerMessageId).update();
    }
}
