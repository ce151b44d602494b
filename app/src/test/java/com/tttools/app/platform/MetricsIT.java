package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The product's Prometheus meters (docs/operations.md, Metrics), read the way a scraper reads them: a user signs
 * up (a confirmation mail goes through the outbox) and connects TikTok while the simulator answers one call with
 * 40100 (too many requests), so the asset sync retries after waiting for the emptied rate-limit bucket. Between a
 * scrape before and one after, the sync's TikTok calls by code, the 40100, the rate-limit wait, the job's run, the
 * rows it wrote, the delivered mail and the HTTP requests must all have grown. Counters are per JVM and the context
 * is shared with other tests, hence the differences rather than absolute values.
 */
class MetricsIT extends IntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$");

    @AfterEach
    void clearFaults() {
        simulator("DELETE", "/_sim/faults", null);
    }

    @Test
    void aSyncShowsUpInThePrometheusScrape() throws Exception {
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).GET().build())
                .statusCode()).as("closed without the token").isEqualTo(401);
        String before = scrape();

        ApiClient owner = Users.signedUp(port, Users.uniqueEmail("metrics"));
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Metrics Org", "workspace",
                Map.of("name", "Metrics", "timezone", "UTC", "currency", "USD"))).json();
        String workspace = created.get("workspace").get("id").asString();
        simulator("POST", "/_sim/faults", Map.of("path", "/campaign/get/", "code", 40100, "next", 1));
        new SimulatorApi(port, ApiClient.JSON).connect(owner, workspace);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> owner.get("/api/v1/workspaces/" + workspace + "/jobs?type=tiktok.asset-sync").json().get("items"),
                        items -> items.size() > 0 && items.get(0).get("status").asString().equals("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                grew(before, scrape(), "tttools_notifications_deliveries_total", Map.of("status", "sent")));
        String after = scrape();

        assertThat(grew(before, after, "tttools_tiktok_calls_seconds_count", Map.of("code", "0"))).isTrue();
        assertThat(grew(before, after, "tttools_tiktok_calls_seconds_count", Map.of("code", "40100"))).isTrue();
        assertThat(grew(before, after, "tttools_tiktok_throttled_total", Map.of("code", "40100"))).isTrue();
        assertThat(grew(before, after, "tttools_tiktok_ratelimit_waits_seconds_count", Map.of("bucket", "app"))).isTrue();
        assertThat(grew(before, after, "tttools_tiktok_ratelimit_waits_seconds_sum", Map.of("bucket", "app"))).isTrue();
        assertThat(grew(before, after, "tttools_jobs_runs_seconds_count",
                Map.of("type", "tiktok.asset-sync", "outcome", "succeeded"))).isTrue();
        assertThat(grew(before, after, "tttools_sync_rows_total", Map.of("kind", "inventory"))).isTrue();
        assertThat(grew(before, after, "tttools_notifications_deliveries_total", Map.of("status", "sent"))).isTrue();
        assertThat(grew(before, after, "http_server_requests_seconds_count", Map.of("uri", "/api/v1/organizations")))
                .isTrue();
        // gauges from SQL counts: present (their values depend on what else runs)
        assertThat(sum(after, "tttools_jobs", Map.of("status", "queued"))).isNotNull();
        assertThat(sum(after, "tttools_jobs", Map.of("status", "running"))).isNotNull();
        assertThat(sum(after, "tttools_notifications_queued", Map.of())).isNotNull();

        // the example dashboard asks only for series the app exports
        Matcher names = Pattern.compile("\\b(tttools_[a-z_]+|http_server_[a-z_]+|jvm_[a-z_]+)")
                .matcher(Files.readString(Path.of("../deploy/grafana/tttools-dashboard.json")));
        while (names.find()) {
            assertThat(sum(after, names.group(1), Map.of())).as("dashboard series " + names.group(1)).isNotNull();
        }
    }

    private String scrape() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                .header("Authorization", "Bearer test-metrics-token").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static boolean grew(String before, String after, String name, Map<String, String> labels) {
        Double then = sum(before, name, labels);
        Double now = sum(after, name, labels);
        return now != null && now > (then == null ? 0 : then);
    }

    /** The sum of the samples of {@code name} carrying all {@code labels}; null when there is none. */
    static Double sum(String scrape, String name, Map<String, String> labels) {
        Double total = null;
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String labelText = sample.group(3) == null ? "" : sample.group(3);
            boolean matches = labels.entrySet().stream()
                    .allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                total = (total == null ? 0 : total) + Double.parseDouble(sample.group(4));
            }
        }
        return total;
    }

    private void simulator(String method, String path, Object body) {
        Http.send(HttpRequest.newBuilder(URI.create(url("/tiktok-sim" + path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)))
                .build());
    }
}
