package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with the API: builds the URL (JSON-encoding list and map parameters), sets the
 * {@code Access-Token} header, and returns status, content type and body without judging them. The
 * underlying JDK client never follows redirects.
 */
final class HttpTransport {

    static final String API_ROOT = "/open_api/v1.3/";
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final RestClient rest;
    private final JsonMapper json;
    private final TikTokEndpoints endpoints;

    HttpTransport(RestClient rest, JsonMapper json, TikTokEndpoints endpoints) {
        this.rest = rest;
        this.json = json;
        this.endpoints = endpoints;
    }

    /** @throws TransportException on I/O failure or timeout (retryable) */
    RawResponse exchange(ApiCall call, AccessToken accessToken) {
        boolean get = call.method() == ApiCall.Method.GET;
        URI uri = URI.create(endpoints.apiBase() + API_ROOT + call.path() + (get ? query(call.params()) : ""));
        try {
            RestClient.RequestBodySpec request = rest.method(get ? HttpMethod.GET : HttpMethod.POST)
                    .uri(uri)
                    .headers(headers -> {
                        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                        if (accessToken != null) {
                            headers.set("Access-Token", accessToken.value());
                        }
                    });
            if (!get) {
                request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(call.params()));
            }
            return request.exchange((req, response) -> new RawResponse(response.getStatusCode().value(),
                    response.getHeaders().getFirst("Content-Type"), readBounded(response.getBody()),
                    RawResponse.parseRetryAfter(response.getHeaders().getFirst("Retry-After"))), true);
        } catch (ResourceAccessException e) {
            // Its message holds the full URL, whose query can carry the app secret: keep only the cause's type.
            throw new TransportException(describe(e));
        }
    }

    private String query(Map<String, Object> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        params.forEach((name, value) -> query.add(encode(name) + "=" + encode(asParameter(value))));
        return query.toString();
    }

    /** Lists, arrays and maps travel JSON-encoded ({@code fields=["a","b"]}); scalars as plain text. */
    private String asParameter(Object value) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray()) {
            return json.writeValueAsString(value);
        }
        return value.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] readBounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    private static String describe(ResourceAccessException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "I/O failure: " + root.getClass().getSimpleName();
    }

    /** The request did not complete (connect failure, timeout, reset); the message is safe to log. */
    static final class TransportException extends RuntimeException {
        TransportException(String message) {
            super(message, null, false, false);
        }
    }
}
