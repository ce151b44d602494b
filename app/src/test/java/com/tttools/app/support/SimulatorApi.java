package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded simulator as tests drive it: its control API ({@code /tiktok-sim/_sim/...}), the tokens it knows,
 * its Marketing API read and written directly with a token, and the whole OAuth connect flow of a workspace with consent auto-approved.
 */
public final class SimulatorApi {

    private final int port;
    private final JsonMapper json;

    public SimulatorApi(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /** One call to the control API; anything but 200 fails the test. */
    public JsonNode control(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tiktok-sim" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = Http.send(request.build());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * Calls to that API path carrying that access token, from GET /_sim/stats: unlike {@code calls_per_path}, other
     * tests' connections and the app's background work (health checks, syncs) do not move it.
     */
    public long callsWith(String accessToken, String path) {
        return control("GET", "/_sim/stats", null).path("calls_per_token_per_path").path(accessToken).path(path).asLong(0);
    }

    /**
     * One call to the simulated Marketing API ({@code /tiktok-sim/open_api/v1.3...}) with that access token; TikTok's
     * answer whatever its code. The test's own calls share the simulated app's rate limit with the syncs other tests
     * left running: a 40100 (refused before anything is applied) is waited out, as the app's client does.
     */
    public JsonNode marketing(String accessToken, String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tiktok-sim/open_api/v1.3" + path))
                .timeout(Duration.ofSeconds(10)).header("Access-Token", accessToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        for (int attempt = 1; ; attempt++) {
            JsonNode answer = json.readTree(Http.send(request).body());
            if (answer.path("code").asInt() != 40100 || attempt == 30) {
                return answer;
            }
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
    }

    /** {@link #marketing}, and anything but TikTok's code 0 fails the test. */
    public JsonNode marketingOk(String accessToken, String method, String path, Object body) {
        JsonNode answer = marketing(accessToken, method, path, body);
        assertThat(answer.path("code").asInt()).as(method + " " + path + ": " + answer).isZero();
        return answer;
    }

    /** TikTok's own operation_status of these ads of one advertiser (whatever their primary status), by id. */
    public Map<String, String> adStatuses(String accessToken, String advertiserId, List<String> adIds) {
        String filtering = URLEncoder.encode(json.writeValueAsString(Map.of("ad_ids", adIds,
                "primary_status", "STATUS_ALL")), StandardCharsets.UTF_8);
        Map<String, String> out = new HashMap<>();
        marketingOk(accessToken, "GET", "/ad/get/?page_size=1000&advertiser_id=" + advertiserId + "&filtering="
                + filtering, null).path("data").path("list").forEach(ad -> out.put(ad.path("ad_id").asString(),
                        ad.path("operation_status").asString()));
        return out;
    }

    /**
     * Write counters and log ({@code GET /_sim/writes}): {@code per_path} with {@code requests}, {@code ids},
     * {@code max_ids_per_request}, {@code applied_requests}, {@code applied_ids}; {@code applied_per_id}; {@code log}.
     * The state guard clears them after every test.
     */
    public JsonNode writes() {
        return control("GET", "/_sim/writes", null);
    }

    /**
     * Write calls to that path naming one of these ids that TikTok accepted (code 0). Refused calls are left out: the
     * simulated app's rate limit is shared with whatever other tests left running, so a 40100 the app waited out and
     * retried is not a chunk of its own; nor is another test's late write to other entities.
     */
    public long acceptedWrites(String path, java.util.Collection<String> ids) {
        return writesNaming(path, ids).stream().filter(entry -> entry.path("answer").asString().equals("0")).count();
    }

    /**
     * The write calls to that path naming one of these ids, from the write log (the last 10,000 write calls, faulted
     * and refused ones too): a test's own writes, unlike the per-path counters other tests' writes also move.
     */
    public List<JsonNode> writesNaming(String path, java.util.Collection<String> ids) {
        java.util.Set<String> ours = new java.util.HashSet<>(ids);
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode entry : writes().path("log")) {
            if (entry.path("path").asString().equals(path)
                    && entry.path("ids").valueStream().anyMatch(id -> ours.contains(id.asString()))) {
                out.add(entry);
            }
        }
        return out;
    }

    /** How many times the simulator actually changed this entity since the counters were cleared. */
    public long timesApplied(String entityId) {
        return writes().path("applied_per_id").path(entityId).asLong(0);
    }

    /**
     * Injects a fault on writes ({@code POST /_sim/faults} with {@code writes: true}); the rule may add {@code code},
     * {@code message}, {@code httpStatus}, {@code ids} (only writes naming one of them), {@code after} (let that many
     * through first), {@code next}, {@code rate}, {@code afterApply} (apply, then answer with the fault). The state
     * guard removes it after the test.
     */
    public void writeFault(Map<String, Object> rule) {
        Map<String, Object> withWrites = new LinkedHashMap<>(rule);
        withWrites.put("writes", true);
        control("POST", "/_sim/faults", withWrites);
    }

    /** The simulator's view of one access token (its {@code status}: ACTIVE, REVOKED, EXPIRED). */
    public JsonNode token(String accessToken) {
        for (JsonNode token : control("GET", "/_sim/tokens", null).get("tokens")) {
            if (accessToken.equals(token.path("access_token").asString())) {
                return token;
            }
        }
        throw new AssertionError("The simulator does not know the token");
    }

    /**
     * Connects TikTok to the workspace through the real flow (start, the simulator's consent page auto-approved,
     * the callback with the signed-in session); returns the new connection's id.
     */
    public String connect(ApiClient admin, String workspaceId) {
        control("POST", "/_sim/consent", Map.of("autoApprove", true));
        return connectWithCurrentConsent(admin, workspaceId);
    }

    /**
     * {@link #connect}, with the consent rule the test set (e.g. auto-approval of some advertisers only), which
     * must approve without a person.
     */
    public String connectWithCurrentConsent(ApiClient admin, String workspaceId) {
        ApiClient.Response started = admin.post("/api/v1/workspaces/" + workspaceId + "/connections/tiktok", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        HttpResponse<String> consent = Http.get(started.json().get("authorizationUrl").asString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        ApiClient.Response back = admin.get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        return admin.get("/api/v1/workspaces/" + workspaceId + "/connections").json()
                .get("items").get(0).get("id").asString();
    }
}
