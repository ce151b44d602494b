package com.tttools.app.notifications.email;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resend's {@code POST /emails}: Bearer key, an explicit User-Agent (Resend refuses requests without one), and the
 * delivery id as {@code Idempotency-Key}, so a retry after a lost answer (or a send repeated after a crash) does not
 * send twice. Errors are {@code {statusCode, name, message}}: 429 and 5xx are retried (honouring
 * {@code retry-after}), a quota error waits long, 401/403 (key) and 400/422 (request) are not retried.
 */
class ResendClient implements EmailProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String from;

    ResendClient(RestClient.Builder builder, String baseUrl, String apiKey, String from) {
        this.http = builder.clone().baseUrl(baseUrl)
                .defaultHeader("Authorization", "Bearer " + apiKey)
                .defaultHeader("User-Agent", "tttools/1.0")
                .build();
        this.from = from;
    }

    @Override
    public String name() {
        return "resend";
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", List.of(message.address()));
        body.put("subject", message.subject());
        if (message.htmlBody() != null) {
            body.put("html", message.htmlBody());
        }
        body.put("text", message.textBody());
        body.put("headers", Map.of("X-Entity-Ref-ID", message.deliveryId().toString()));
        body.put("tags", List.of(Map.of("name", "template", "value", tag(message.eventType()))));
        try {
            return http.post().uri("/emails")
                    .header("Idempotency-Key", "delivery/" + message.deliveryId())
                    .contentType(MediaType.APPLICATION_JSON)
                    // bytes, as HttpTransport sends: RestClient prints any other body at DEBUG ("Writing [...]"),
                    // and this one holds the recipient's address and the message
                    .body(JSON.writeValueAsBytes(body))
                    .exchange((request, response) -> {
                        String text = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            JsonNode id = JSON.readTree(text).path("id");
                            if (id.isString() && !id.asString().isBlank()) {
                                return id.asString();
                            }
                            throw new Outcome(new DeliveryFailure("Resend answered 200 without an id", true, null));
                        }
                        throw new Outcome(failure(status, text, Failures.retryAfter(response.getHeaders())));
                    });
        } catch (Outcome outcome) {
            throw outcome.failure;
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure("Resend unreachable (" + rootName(e) + ")", true, null);
        }
    }

    private static DeliveryFailure failure(int status, String body, Duration retryAfter) {
        String name = "";
        String text = "";
        try {
            JsonNode error = JSON.readTree(body);
            name = error.path("name").asString("");
            text = error.path("message").asString("");
        } catch (RuntimeException unreadable) {
            // not Resend's error shape (a proxy's page): the status says enough
        }
        String described = "Resend " + status + (name.isEmpty() ? "" : " " + name)
                + (text.isEmpty() ? "" : ": " + Failures.withoutAddresses(text));
        if (status == 429) {
            boolean quota = name.endsWith("quota_exceeded");
            return new DeliveryFailure(described, true, quota ? Duration.ofHours(1) : retryAfter);
        }
        if (status >= 500 || (status == 409 && "concurrent_idempotent_requests".equals(name))) {
            return new DeliveryFailure(described, true, retryAfter);
        }
        if (status == 422 && text.toLowerCase().contains("`to`")) {
            return new RecipientRejected(described);
        }
        return new DeliveryFailure(described, false, null);
    }

    private static String tag(String value) {
        String cleaned = value == null ? "mail" : value.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }

    static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** Carries a failure out of the exchange callback, which may only throw IOException or unchecked ones. */
    static final class Outcome extends RuntimeException {
        final DeliveryFailure failure;

        Outcome(DeliveryFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
