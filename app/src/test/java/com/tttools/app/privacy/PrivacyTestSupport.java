package com.tttools.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** Requests an export through the API, waits for it and unpacks the ZIP. */
final class PrivacyTestSupport {

    private PrivacyTestSupport() {
    }

    /** Polls the status URL until READY and returns the last status. */
    static JsonNode awaitReady(ApiClient client, String statusPath) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ApiClient.Response response = client.get(statusPath);
            assertThat(response.status()).isEqualTo(200);
            last[0] = response.json();
            assertThat(last[0].get("status").asString()).isNotEqualTo("FAILED");
            return last[0].get("status").asString().equals("READY");
        });
        return last[0];
    }

    /** GET of a binary body with the client's session cookie or bearer token (ApiClient reads text). */
    static HttpResponse<byte[]> getBytes(int port, ApiClient client, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            String cookie = client.sessionCookie();
            if (cookie != null) {
                request.header("Cookie", "SESSION=" + cookie);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST with an Idempotency-Key, as a script with a personal access token sends it. */
    static HttpResponse<String> postWithKey(int port, String bearer, String path, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + bearer)
                    .header("Idempotency-Key", idempotencyKey).header("Accept", "application/json").build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Entry name → its text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
