package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Users;
import com.tttools.app.tiktok.client.TikTokOAuth;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OAuth connect flow end to end through the embedded simulator, and every way a callback is refused. */
class ConnectFlowIT extends ConnectionTestSupport {

    @Autowired
    TikTokOAuth oauth;

    @Test
    void anAdminConnectsThroughTheConsentPageAndTheConnectionIsActiveWithItsAdvertisers() {
        Admin admin = admin("connect-ok");
        URI authorization = start(admin);

        Map<String, String> query = query(authorization);
        assertThat(authorization.getPath()).isEqualTo("/tiktok-sim/portal/auth");
        assertThat(query.get("redirect_uri")).isEqualTo(url("/oauth/tiktok/callback"));
        assertThat(query.get("app_id")).isNotBlank();
        assertThat(java.util.Base64.getUrlDecoder().decode(query.get("state"))).hasSizeGreaterThanOrEqualTo(16);
        assertThat(jdbc.sql("SELECT count(*) FROM tiktok_oauth_state WHERE state_hash = :h")
                .param("h", OAuthStates.sha256(query.get("state"))).query(Long.class).single())
                .as("only the hash of the state is stored").isEqualTo(1);

        URI back = consentAutoApproved(authorization);
        ApiClient.Response landed = callback(admin.api(), back);
        assertThat(landed.status()).isEqualTo(302);
        assertThat(landed.header("Location").orElseThrow())
                .endsWith("/workspaces/" + admin.workspaceId());   // the workspace home, where the checklist follows the sync

        JsonNode connection = list(admin).get("items").get(0);
        assertThat(connection.get("provider").asString()).isEqualTo("tiktok");
        assertThat(connection.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(connection.get("advertiserCount").asInt()).isPositive();
        assertThat(connection.get("advertisers").size()).isEqualTo(connection.get("advertiserCount").asInt());
        assertThat(connection.get("scopes").get(0).get("name").asString()).isNotBlank();
        assertThat(connection.get("connectedBy").get("email").asString()).isEqualTo(admin.user().email());
        assertThat(connection.get("tokenExpiresAt").isNull()).as("advertiser tokens do not expire").isTrue();

        String id = connection.get("id").asString();
        ApiClient.Response one = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);
        assertThat(one.status()).isEqualTo(200);
        // queued by inventory once it hears of the connection (after the callback's commit)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM jobs WHERE workspace_id = :ws AND type = 'tiktok.asset-sync'")
                .param("ws", UUID.fromString(admin.workspaceId())).query(Long.class).single())
                .as("a first asset sync is queued").isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM tiktok_connection WHERE id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);

        ApiClient.Response replay = callback(admin.api(), back);
        assertThat(replay.status()).as("the same callback again").isEqualTo(400);
        assertThat(replay.body()).contains("already used");
        assertThat(connectionRows(admin.workspaceId())).isEqualTo(1);
    }

    @Test
    void aSecondConsentOfTheSameTikTokUserWhileActiveRenewsItsConnectionInsteadOfAddingARow() {
        Admin admin = admin("connect-twice");
        String id = connect(admin);
        String first = tokenOf(admin, id).value();

        // the same simulated TikTok user consents again while the connection is ACTIVE
        ApiClient.Response again = callback(admin.api(), consentAutoApproved(start(admin)));

        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(connectionRows(admin.workspaceId())).as("the active row is reused").isEqualTo(1);
        assertThat(tokenRows(admin.workspaceId())).as("one token, the new one").isEqualTo(1);
        JsonNode items = list(admin).get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("id").asString()).isEqualTo(id);
        assertThat(items.get(0).get("status").asString()).isEqualTo("ACTIVE");
        String second = tokenOf(admin, id).value();
        assertThat(second).isNotEqualTo(first);
        assertThat(simulatorToken(first).get("status").asString()).as("the replaced token").isEqualTo("REVOKED");
        assertThat(simulatorToken(second).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void noTokenIsStoredInPlaintextAnywhereInTheDatabase() {
        Admin admin = admin("connect-plain");
        String token = tokenOf(admin, connect(admin)).value();
        String hex = HexFormat.of().formatHex(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(String.class).list();
        assertThat(tables).contains("public.tiktok_token");
        for (String table : tables) {
            long hits = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :plain) > 0"
                            + " OR strpos(lower(t::text), :hex) > 0")
                    .param("plain", token).param("hex", hex).query(Long.class).single();
            assertThat(hits).as(table).isZero();
        }
        JsonNode row = json.valueToTree(jdbc.sql("""
                        SELECT key_id, alg, octet_length(nonce) AS nonce_bytes FROM tiktok_token
                        WHERE workspace_id = :ws""")
                .param("ws", UUID.fromString(admin.workspaceId())).query().singleRow());
        assertThat(row.get("alg").asString()).isEqualTo("AES-256-GCM");
        assertThat(row.get("nonce_bytes").asInt()).isEqualTo(12);
    }

    @Test
    void aWrongStateIsRefusedAndNothingIsStored() {
        Admin admin = admin("cb-wrong");
        URI back = consentAutoApproved(start(admin));
        ApiClient.Response refused = admin.api().get("/oauth/tiktok/callback?auth_code="
                + query(back).get("auth_code") + "&state=not-the-state");
        assertRefused(admin, refused, 400, "not valid");
        ApiClient.Response noState = admin.api().get("/oauth/tiktok/callback?auth_code=" + query(back).get("auth_code"));
        assertRefused(admin, noState, 400, "not valid");
        // one security event per refused callback (recorded after commit, asynchronously)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT count(*) FROM security_events WHERE user_id = :u AND type = :t")
                        .param("u", UUID.fromString(admin.user().id())).param("t", ConnectFlow.REJECTED_EVENT)
                        .query(Long.class).single()).as("security events").isEqualTo(2));
    }

    @Test
    void anExpiredStateIsRefused() {
        Admin admin = admin("cb-expired");
        URI authorization = start(admin);
        jdbc.sql("UPDATE tiktok_oauth_state SET expires_at = :past WHERE state_hash = :h")
                .param("past", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("h", OAuthStates.sha256(query(authorization).get("state"))).update();
        assertRefused(admin, callback(admin.api(), consentAutoApproved(authorization)), 400, "expired");
    }

    @Test
    void aStateOfAnotherUserIsRefusedAndBurnt() {
        Admin admin = admin("cb-foreign-user");
        Admin other = admin("cb-foreign-other");
        URI back = consentAutoApproved(start(admin));
        assertRefused(other, callback(other.api(), back), 400, "another user");
        assertThat(connectionRows(admin.workspaceId())).isZero();
        assertRefused(admin, callback(admin.api(), back), 400, "already used");
    }

    @Test
    void aStateFromAnotherSessionOfTheSameUserIsRefused() {
        Admin admin = admin("cb-foreign-session");
        URI back = consentAutoApproved(start(admin));
        ApiClient secondBrowser = Users.loggedIn(port, admin.user().email(), Users.PASSWORD);
        assertRefused(admin, callback(secondBrowser, back), 400, "another browser session");
    }

    @Test
    void aMissingAuthCodeIsRefused() {
        Admin admin = admin("cb-no-code");
        URI authorization = start(admin);
        ApiClient.Response refused = admin.api().get("/oauth/tiktok/callback?state="
                + java.net.URLEncoder.encode(query(authorization).get("state"), java.nio.charset.StandardCharsets.UTF_8));
        assertRefused(admin, refused, 400, "did not send an authorization code");
    }

    @Test
    void aUsedAuthCodeIsRefused() {
        Admin admin = admin("cb-used-code");
        URI back = consentAutoApproved(start(admin));
        oauth.exchangeAuthCode(query(back).get("auth_code"));   // someone else redeemed it first
        assertRefused(admin, callback(admin.api(), back), 400, "did not accept the authorization code");
    }

    @Test
    void cancellingOnTikTokIsRefusedPolitely() {
        Admin admin = admin("cb-cancel");
        URI back = consentForm(start(admin), "cancel", List.of());
        assertThat(back.getRawQuery()).doesNotContain("auth_code");
        assertRefused(admin, callback(admin.api(), back), 400, "cancelled");
    }

    @Test
    void aGrantWithoutAdvertisersIsRefusedAndRevoked() {
        Admin admin = admin("cb-zero");
        URI back = consentForm(start(admin), "authorize", List.of());
        assertRefused(admin, callback(admin.api(), back), 400, "No advertiser accounts");
    }

    @Test
    void tikTokFailingDuringTheExchangeEndsOnAnErrorPageWithNothingStored() {
        Admin admin = admin("cb-down");
        URI back = consentAutoApproved(start(admin));
        control("POST", "/_sim/faults", Map.of("path", "/oauth2/access_token/", "httpStatus", 503, "rate", 1.0));
        try {
            assertRefused(admin, callback(admin.api(), back), 502, "could not complete the connection");
        } finally {
            control("DELETE", "/_sim/faults", null);
        }
    }

    @Test
    void anonymousCallbacksGoToTheLoginPage() {
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response response = anonymous.get("/oauth/tiktok/callback?auth_code=x&state=y");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void statesAreSingleUseAndExpireAfterTenMinutes() {
        Admin admin = admin("states-unit");
        OAuthStates states = new OAuthStates(jdbc);
        var user = com.tttools.app.shared.UserId.of(admin.user().id());
        var ws = com.tttools.app.shared.WorkspaceId.of(admin.workspaceId());
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        String state = states.issue(user, "session-1", ws, now);
        assertThat(states.consume(state, user, "session-1", now.plusSeconds(601)).rejection())
                .isEqualTo(OAuthStates.Rejection.EXPIRED);
        String fresh = states.issue(user, "session-1", ws, now);
        assertThat(states.consume(fresh, user, "session-1", now.plusSeconds(599)).accepted().workspaceId())
                .isEqualTo(ws);
        assertThat(states.consume(fresh, user, "session-1", now.plusSeconds(600)).rejection())
                .isEqualTo(OAuthStates.Rejection.USED);
        assertThat(states.consume("unknown", user, "session-1", now).rejection())
                .isEqualTo(OAuthStates.Rejection.UNKNOWN);
    }

    private void assertRefused(Admin admin, ApiClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains(message).contains("Nothing was stored");
        assertThat(connectionRows(admin.workspaceId())).as("connections").isZero();
        assertThat(tokenRows(admin.workspaceId())).as("tokens").isZero();
    }
}
