package com.tttools.app.notifications.email;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postmark's {@code POST /email} on the transactional stream, with the delivery id in {@code Metadata} (echoed by
 * its webhooks). Postmark offers no idempotency key. Errors carry {@code {ErrorCode, Message}}; the ErrorCode, not
 * the HTTP status, says what happened: 300/406 reject the recipient, 100 (maintenance), 429 and 5xx are retried,
 * the rest (token, sender signature, account) need the operator and are not.
 */
class PostmarkClient implements EmailProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> RECIPIENT_CODES = Set.of(300, 406);

    private final RestClient http;
    private final String from;

    PostmarkClient(RestClient.Builder builder, String baseUrl, String serverToken, String from) {
        this.http = builder.clone().baseUrl(baseUrl)
                .defaultHeader("X-Postmark-Server-Token", serverToken)
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .defaultHeader("User-Agent", "tttools/1.0")
                .build();
        this.from = from;
    }

    @Override
    public String name() {
        return "postmark";
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("From", from);
        body.put("To", message.address());
        body.put("Subject", message.subject());
        if (message.htmlBody() != null) {
            body.put("HtmlBody", message.htmlBody());
        }
        body.put("TextBody", message.textBody());
        body.put("MessageStream", "outbound");
        body.put("Metadata", Map.of("delivery_id", message.deliveryId().toString()));
        body.put("Headers", List.of(Map.of("Name", "X-Entity-Ref-ID", "Value", message.deliveryId().toString())));
        try {
            return http.post().uri("/email")
                    .contentType(MediaType.APPLICATION_JSON)
                    // bytes, as HttpTransport sends: RestClient prints any other body at DEBUG ("Writing [...]"),
                    // and this one holds the recipient's address and the message
                    .body(JSON.writeValueAsBytes(body))
                    .exchange((request, response) -> {
                        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        int status = response.getStatusCode().value();
                        JsonNode answer = readOrEmpty(text);
                        int code = answer.path("ErrorCode").asInt(0);
                        String described = "Postmark " + status + (answer.has("ErrorCode") ? " ErrorCode " + code : "")
                                + (answer.path("Message").isString()
                                        ? ": " + Failures.withoutAddresses(answer.path("Message").asString()) : "");
                        if (status == 200 && code == 0 && answer.path("MessageID").isString()) {
                            return answer.path("MessageID").asString();
                        }
                        if (status == 429 || status >= 500 || code == 100) {
                            throw new ResendClient.Outcome(new DeliveryFailure(described, true,
                                    Failures.retryAfter(response.getHeaders())));
                        }
                        if (status == 422 && RECIPIENT_CODES.contains(code)) {
                            throw new ResendClient.Outcome(new RecipientRejected(described));
                        }
                        throw new ResendClient.Outcome(new DeliveryFailure(described, false, null));
                    });
        } catch (ResendClient.Outcome outcome) {
            throw outcome.failure;
        } catch (ResourceAccessException e) {
            throw new DeliveryFailure("Postmark unreachable (" + ResendClient.rootName(e) + ")", true, null);
        }
    }

    private static JsonNode readOrEmpty(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
