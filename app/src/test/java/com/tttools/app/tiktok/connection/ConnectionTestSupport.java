package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants and the OAuth dance against the embedded simulator, followed by hand (no redirect following). The
 * simulator is shared by all tests: these only set its consent mode and never reset its world.
 */
abstract class ConnectionTestSupport extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    TikTokTokenStore tokens;

    Tenants tenants() {
        return new Tenants(port, (DevMailbox) mailer, limiter);
    }

    /** An organization owner (workspace ADMIN) with a fresh workspace. */
    record Admin(User user, String orgId, String workspaceId) {
        ApiClient api() {
            return user.api();
        }
    }

    Admin admin(String prefix) {
        Tenants tenants = tenants();
        User owner = tenants.verifiedUser(prefix);
        String org = tenants.createOrganization(owner, "Org " + prefix);
        return new Admin(owner, org, tenants.createWorkspace(owner, org, "Brand " + prefix));
    }

    /** POST .../connections/tiktok → the authorization URL. */
    URI start(Admin admin) {
        ApiClient.Response started = admin.api().post(
                "/api/v1/workspaces/" + admin.workspaceId() + "/connections/tiktok", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return URI.create(started.json().get("authorizationUrl").asString());
    }

    /** The simulator's consent page with auto-approve: where it sends the browser back to (our callback). */
    URI consentAutoApproved(URI authorizationUrl) {
        control("POST", "/_sim/consent", Map.of("autoApprove", true));
        HttpResponse<String> page = Http.get(authorizationUrl.toString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        return URI.create(page.headers().firstValue("Location").orElseThrow());
    }

    /** The consent form submitted by hand: Authorize with the given ad accounts, or Cancel. */
    URI consentForm(URI authorizationUrl, String decision, List<String> advertiserIds) {
        return consentForm(authorizationUrl, decision, advertiserIds, 0);
    }

    /**
     * The same as the simulator's TikTok user 0 (who sees every ad account) or 1 (who sees fewer): two connections
     * of one workspace need two TikTok users, since the same user's second consent renews the first connection.
     */
    URI consentForm(URI authorizationUrl, String decision, List<String> advertiserIds, int user) {
        Map<String, String> query = query(authorizationUrl);
        StringBuilder form = new StringBuilder("decision=" + decision + "&user=" + user);
        for (String key : List.of("app_id", "redirect_uri", "state")) {
            form.append('&').append(key).append('=').append(URLEncoder.encode(query.get(key), StandardCharsets.UTF_8));
        }
        advertiserIds.forEach(id -> form.append("&advertiser_id=").append(id));
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(authorizationUrl.toString()
                        .substring(0, authorizationUrl.toString().indexOf('?'))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The ad accounts the simulator's TikTok user 1 may grant, as its consent page offers them. */
    List<String> advertisersOfSecondUser(URI authorizationUrl) {
        HttpResponse<String> page = Http.get(authorizationUrl + "&user=1");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return java.util.regex.Pattern.compile("name=\"advertiser_id\" value=\"(\\d+)\"").matcher(page.body())
                .results().map(m -> m.group(1)).toList();
    }

    /**
     * Waits for the asset sync that connecting queues (in the background, after the callback) to finish: it calls
     * TikTok with the connection's token, so a test counting that token's calls starts after it.
     */
    void awaitFirstAssetSync(Admin admin) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> {
            var items = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/jobs?type=tiktok.asset-sync")
                    .json().get("items");
            return !items.isEmpty() && items.valueStream().allMatch(job ->
                    List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asString()));
        });
    }

    /** The browser (the given session) arriving at our callback. */
    ApiClient.Response callback(ApiClient browser, URI callback) {
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** The whole flow, ending on the workspace home; returns the new connection's id. */
    String connect(Admin admin) {
        ApiClient.Response back = callback(admin.api(), consentAutoApproved(start(admin)));
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        assertThat(back.header("Location").orElseThrow())
                .endsWith("/workspaces/" + admin.workspaceId());   // the workspace home, where the checklist follows the sync
        JsonNode items = list(admin).get("items");
        return items.get(0).get("id").asString();
    }

    JsonNode list(Admin admin) {
        ApiClient.Response listed = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/connections");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    AccessToken tokenOf(Admin admin, String connectionId) {
        return tokens.accessToken(WorkspaceId.of(admin.workspaceId()), UUID.fromString(connectionId)).orElseThrow();
    }

    long connectionRows(String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM tiktok_connection WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(workspaceId)).query(Long.class).single();
    }

    long tokenRows(String workspaceId) {
        return jdbc.sql("SELECT count(*) FROM tiktok_token WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(workspaceId)).query(Long.class).single();
    }

    /** The simulator's view of one token (status ACTIVE/REVOKED/EXPIRED). */
    JsonNode simulatorToken(String accessToken) {
        return new SimulatorApi(port, json).token(accessToken);
    }

    JsonNode control(String method, String path, Object body) {
        return simulator().control(method, path, body);
    }

    SimulatorApi simulator() {
        return new SimulatorApi(port, json);
    }

    static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> a));
    }
}
