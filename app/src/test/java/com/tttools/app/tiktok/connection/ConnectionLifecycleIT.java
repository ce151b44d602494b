package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.ConnectionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.tokens.RefreshToken;
import com.tttools.app.tiktok.client.MarketingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Health checks, token refresh, disconnect (with and without TikTok) and sync requests of a connection. */
class ConnectionLifecycleIT extends ConnectionTestSupport {

    @Autowired
    ConnectionHealth health;
    @Autowired
    TokenRefresher refresher;
    @Autowired
    PendingRevocations pending;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    MarketingApi api;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    com.tttools.app.tiktok.TikTokConnections service;

    @Test
    void aTokenRevokedAtTikTokTurnsTheConnectionNeedsReauthAfterTheNextHealthCheck() {
        Admin admin = admin("health-revoked");
        String id = connect(admin);
        String token = tokenOf(admin, id).value();

        health.checkDue(Instant.now().plus(Duration.ofHours(1)));
        assertThat(get(admin, id).get("status").asString()).isEqualTo("ACTIVE");

        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", token));
        health.checkDue(Instant.now().plus(Duration.ofHours(2)));

        JsonNode connection = get(admin, id);
        assertThat(connection.get("status").asString()).isEqualTo("NEEDS_REAUTH");
        assertThat(connection.get("lastError").get("code").asInt()).isEqualTo(40105);
        assertThat(connection.get("lastError").get("requestId").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditActions(admin))
                .contains("connection.connected", "connection.needs_reauth"));
    }

    @Test
    void aConnectionThatNeedsReauthLosesItsTokensAndIsNeitherCheckedNorSyncedAgain() {
        Admin admin = admin("reauth-tokens");
        String id = connect(admin);
        String token = tokenOf(admin, id).value();
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        assertThat(service.schedulable(ws, ConnectionId.of(id))).isTrue();

        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", token));
        health.checkDue(Instant.now().plus(Duration.ofHours(2)));

        assertThat(get(admin, id).get("status").asString()).isEqualTo("NEEDS_REAUTH");
        assertThat(tokenRows(admin.workspaceId())).as("token rows deleted").isZero();
        assertThat(service.schedulable(ws, ConnectionId.of(id))).as("no scheduled syncs").isFalse();
        long calls = callsWith(token);
        health.checkDue(Instant.now().plus(Duration.ofHours(5)));
        health.checkDue(Instant.now().plus(Duration.ofHours(9)));
        assertThat(callsWith(token)).as("no further health checks").isEqualTo(calls);
        assertThat(get(admin, id).get("lastError").get("code").asInt()).as("TikTok's answer kept").isEqualTo(40105);
    }

    @Test
    void aSyncThatTikTokRejectsMarksTheConnectionNeedsReauthAtOnceAndASuccessfulOneItsLastSync() {
        Admin admin = admin("sync-revoked");
        String id = connect(admin);
        String jobs = "/api/v1/workspaces/" + admin.workspaceId() + "/jobs?type=tiktok.asset-sync";
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.api().get(jobs).json().get("items").get(0)
                .get("status").asString(), status -> status.equals("SUCCEEDED"));
        assertThat(get(admin, id).get("lastSyncAt").isNull()).isFalse();

        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", tokenOf(admin, id).value()));
        admin.api().post("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id + "/sync",
                Map.of("kind", "ASSETS"));
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.api().get(jobs).json().get("items").get(0)
                .get("status").asString(), status -> status.equals("FAILED"));
        assertThat(get(admin, id).get("status").asString()).isEqualTo("NEEDS_REAUTH");
    }

    @Test
    void checkNowRunsTheHealthCheckAndReportsNewAndLostAdvertisers() {
        Admin admin = admin("health-now");
        String id = connect(admin);
        // pretend the last check saw one advertiser less and one more than TikTok reports now
        List<String> granted = connections.find(WorkspaceId.of(admin.workspaceId()), UUID.fromString(id))
                .orElseThrow().grantedAdvertisers();
        jdbc.sql("UPDATE tiktok_connection SET seen_advertisers = :seen WHERE id = :id")
                .param("seen", new String[] {granted.get(0), "7999999999999999999"})
                .param("id", UUID.fromString(id)).update();

        ApiClient.Response checked = admin.api().post(
                "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id + "/check", null);

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        JsonNode view = checked.json();
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("lostAdvertisers").get(0).asString()).isEqualTo("7999999999999999999");
        assertThat(view.get("newAdvertisers").size()).isEqualTo(granted.size() - 1);
        assertThat(view.get("lastCheckedAt").isNull()).isFalse();

        Instant synced = Instant.parse("2026-11-29T08:00:00Z");
        service.recordSync(WorkspaceId.of(admin.workspaceId()), ConnectionId.of(id), synced);
        assertThat(get(admin, id).get("lastSyncAt").asString()).isEqualTo(synced.toString());
    }

    @Test
    void disconnectRevokesAtTikTokAndDeletesTheCiphertextInTheSameStep() {
        Admin admin = admin("disconnect");
        String id = connect(admin);
        String token = tokenOf(admin, id).value();
        assertThat(tokenRows(admin.workspaceId())).isEqualTo(1);

        ApiClient.Response deleted = admin.api().delete(
                "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(tokenRows(admin.workspaceId())).isZero();
        assertThat(get(admin, id).get("status").asString()).isEqualTo("DISCONNECTED");
        assertThat(simulatorToken(token).get("status").asString()).isEqualTo("REVOKED");
        assertThat(pendingRows(id)).isZero();
        assertThat(admin.api().delete("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id).status())
                .as("again: nothing left to do").isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(auditActions(admin)).containsOnlyOnce("connection.disconnected"));
        assertThat(admin.api().post("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id + "/sync",
                Map.of("kind", "ASSETS")).status()).isEqualTo(409);
    }

    @Test
    void whenTikTokIsDownTheTokenIsStillDeletedAndTheRevocationIsRetriedLater() {
        Admin admin = admin("disconnect-down");
        String id = connect(admin);
        String token = tokenOf(admin, id).value();
        control("POST", "/_sim/faults", Map.of("path", "/oauth2/revoke_token/", "httpStatus", 503, "rate", 1.0));
        try {
            ApiClient.Response deleted = admin.api().delete(
                    "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);
            assertThat(deleted.status()).isEqualTo(204);
        } finally {
            control("DELETE", "/_sim/faults", null);
        }
        assertThat(tokenRows(admin.workspaceId())).isZero();
        assertThat(simulatorToken(token).get("status").asString()).isEqualTo("ACTIVE");
        UUID revocation = jdbc.sql("SELECT id FROM tiktok_pending_revocation WHERE connection_id = :c")
                .param("c", UUID.fromString(id)).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM tiktok_pending_revocation t WHERE strpos(t::text, :token) > 0")
                .param("token", token).query(Long.class).single()).as("sealed, not plain").isZero();

        assertThat(pending.attempt(com.tttools.app.shared.WorkspaceId.of(admin.workspaceId()), revocation, Instant.now())).isTrue();

        assertThat(simulatorToken(token).get("status").asString()).isEqualTo("REVOKED");
        assertThat(pendingRows(id)).isZero();
    }

    @Test
    void theHealthAndRefreshTasksAreScheduledOnceForTheCluster() {
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks WHERE task_name IN (:names)")
                .param("names", List.of(ConnectionTasks.HEALTH, ConnectionTasks.REFRESH)).query(String.class).list())
                .containsExactlyInAnyOrder(ConnectionTasks.HEALTH, ConnectionTasks.REFRESH);
    }

    @Test
    void purgingAWorkspaceDisconnectsItsConnectionsAndRemovesTheirRows() {
        Admin admin = admin("purge");
        String id = connect(admin);
        String token = tokenOf(admin, id).value();

        transactions.executeWithoutResult(status -> events.publishEvent(new com.tttools.app.tenancy.TenancyEvents
                .WorkspacePurged(WorkspaceId.of(admin.workspaceId()), OrganizationId.of(admin.orgId()), "Brand",
                Instant.now())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connectionRows(admin.workspaceId()))
                .isZero());
        assertThat(tokenRows(admin.workspaceId())).isZero();
        assertThat(simulatorToken(token).get("status").asString()).isEqualTo("REVOKED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(auditActions(admin)).contains("connection.disconnected"));
    }

    @Test
    void syncRequestsAreQueuedValidatedAndIdempotent() {
        Admin admin = admin("sync");
        String id = connect(admin);
        String path = "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id + "/sync";

        ApiClient.Response reports = admin.api().post(path, Map.of("kind", "REPORTS", "from", "2026-11-01",
                "to", "2026-11-28"));
        assertThat(reports.status()).as(reports.body()).isEqualTo(202);
        String jobId = reports.json().get("jobId").asString();
        JsonNode payload = json.readTree(jdbc.sql("SELECT payload::text FROM jobs WHERE id = :id")
                .param("id", UUID.fromString(jobId)).query(String.class).single());
        assertThat(payload.get("connectionId").asString()).isEqualTo(id);
        assertThat(payload.get("from").asString()).isEqualTo("2026-11-01");

        assertThat(admin.api().post(path, Map.of("kind", "EVERYTHING")).status()).isEqualTo(422);
        assertThat(admin.api().post(path, Map.of("kind", "REPORTS", "from", "2026-11-28", "to", "2026-11-01"))
                .status()).isEqualTo(422);
        assertThat(admin.api().post(path, Map.of("kind", "REPORTS", "from", "yesterday")).status()).isEqualTo(422);
        assertThat(admin.api().post(path, null).status()).isEqualTo(422);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameJob() {
        Admin admin = admin("sync-idem");
        String id = connect(admin);
        var caller = new com.tttools.app.identity.AuthenticatedUser(UserId.of(admin.user().id()), admin.user().email(),
                "Admin", false);
        var request = new com.tttools.app.tiktok.TikTokConnections.SyncRequest("REPORTS", null, null);
        JobId first = service.requestSync(caller, WorkspaceId.of(admin.workspaceId()), ConnectionId.of(id), request,
                "key-1");
        assertThat(service.requestSync(caller, WorkspaceId.of(admin.workspaceId()), ConnectionId.of(id), request,
                "key-1")).isEqualTo(first);
    }

    @Test
    void tikTokAccountTokensAreRefreshedBeforeTheyExpireAndAFailedRefreshNeedsReauth() {
        Admin admin = admin("refresh");
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        OrganizationId org = OrganizationId.of(admin.orgId());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);   // PostgreSQL precision
        ApiResult first = ttUserGrant();
        UUID good = ttUserConnection(ws, org, admin, now.plus(Duration.ofHours(1)),
                first.data().path("access_token").asString(), first.data().path("refresh_token").asString());
        UUID later = ttUserConnection(ws, org, admin, now.plus(Duration.ofHours(5)), "act.later", "rft.later");
        UUID bad = ttUserConnection(ws, org, admin, now.plus(Duration.ofMinutes(30)), "act.bad", "rft.not-known");

        refresher.refreshExpiring(now);

        var refreshed = connections.find(ws, good).orElseThrow();
        assertThat(refreshed.status()).isEqualTo(ConnectionStatus.ACTIVE);
        // 24 h from the refresh: from this run's "now", or a moment later if the scheduled run came first
        assertThat(refreshed.tokenExpiresAt()).isBetween(now.plus(Duration.ofHours(24)),
                now.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
        assertThat(tokens.accessToken(ws, good).orElseThrow().value())
                .isNotEqualTo(first.data().path("access_token").asString());
        assertThat(connections.find(ws, later).orElseThrow().tokenExpiresAt())
                .as("not due yet").isEqualTo(now.plus(Duration.ofHours(5)));
        assertThat(connections.find(ws, bad).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        // a second run: nothing of this workspace is due any more (counted by refresh token, as the run also
        // refreshes whatever other tests left expiring)
        refresher.refreshExpiring(now);
        assertThat(refreshesWith(tokens.refreshToken(ws, good).orElseThrow().value())).as("nothing due any more").isZero();
        assertThat(refreshesWith(first.data().path("refresh_token").asString())).isEqualTo(1);
        assertThat(refreshesWith("rft.later")).isZero();
        assertThat(refreshesWith("rft.not-known")).as("a refused refresh is not tried again").isEqualTo(1);
    }

    @Test
    void aDeletedWorkspacesConnectionsAreNeitherCheckedNorRefreshedUntilItIsRestored() {
        Admin admin = admin("suspend");
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        OrganizationId org = OrganizationId.of(admin.orgId());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ApiResult grant = ttUserGrant();
        UUID id = ttUserConnection(ws, org, admin, now.plus(Duration.ofMinutes(30)),
                grant.data().path("access_token").asString(), grant.data().path("refresh_token").asString());
        var actor = com.tttools.app.shared.audit.Actor.system("test");
        var request = com.tttools.app.shared.audit.RequestMetadata.none();

        transactions.executeWithoutResult(status -> events.publishEvent(new com.tttools.app.tenancy.TenancyEvents
                .WorkspaceDeleted(ws, org, "Brand", now.plus(Duration.ofDays(30)), actor, request, now)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !service.schedulable(ws, new ConnectionId(id)));

        // counted by the connection's refresh token: a run also refreshes other tests' expiring connections, and the
        // scheduled run is one more run that may come first
        String refreshToken = grant.data().path("refresh_token").asString();
        refresher.refreshExpiring(now);
        assertThat(refreshesWith(refreshToken)).as("not refreshed while deleted").isZero();
        health.checkDue(now.plus(Duration.ofHours(1)));
        assertThat(connections.find(ws, id).orElseThrow().lastCheckedAt()).as("not checked").isNull();
        assertThat(tokens.accessToken(ws, id)).as("tokens kept for a restore").isPresent();

        transactions.executeWithoutResult(status -> events.publishEvent(new com.tttools.app.tenancy.TenancyEvents
                .WorkspaceRestored(ws, org, "Brand", actor, request, now)));
        await().atMost(Duration.ofSeconds(10)).until(() -> service.schedulable(ws, new ConnectionId(id)));

        refresher.refreshExpiring(now);
        assertThat(refreshesWith(refreshToken)).as("refreshed once restored").isEqualTo(1);
        assertThat(tokens.refreshToken(ws, id).orElseThrow().value()).isNotEqualTo(refreshToken);
        assertThat(connections.find(ws, id).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void concurrentRefreshRunsMakeOneRefreshCall() throws Exception {
        Admin admin = admin("refresh-race");
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ApiResult grant = ttUserGrant();
        String refreshToken = grant.data().path("refresh_token").asString();
        UUID id = ttUserConnection(ws, OrganizationId.of(admin.orgId()), admin, now.plus(Duration.ofMinutes(10)),
                grant.data().path("access_token").asString(), refreshToken);

        // Counted by this connection's refresh tokens, not by run results or the path's calls: the runs also refresh
        // other tests' expiring connections, and the scheduled refresh task is one more run that may come first.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 5; i++) {
                runs.add(pool.submit(() -> refresher.refreshExpiring(now)));
            }
            for (var run : runs) {
                run.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshesWith(refreshToken)).as("one refresh call with the stored token").isEqualTo(1);
        String refreshedTo = tokens.refreshToken(ws, id).orElseThrow().value();
        assertThat(refreshedTo).as("refreshed").isNotEqualTo(refreshToken);
        assertThat(refreshesWith(refreshedTo)).as("no second refresh with the new token").isZero();
        ConnectionRow row = connections.find(ws, id).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(row.tokenExpiresAt()).isAfter(now.plus(TokenRefresher.AHEAD));
    }

    private UUID ttUserConnection(WorkspaceId ws, OrganizationId org, Admin admin, Instant expiresAt,
            String access, String refresh) {
        UUID id = UUID.randomUUID();
        connections.insert(new ConnectionRepository.NewConnection(id, ws, org, ConnectionRow.TT_USER, List.of(),
                List.of(), expiresAt, UserId.of(admin.user().id()).value(), Instant.now()));
        tokens.storeAccessToken(ws, id, new com.tttools.app.tiktok.tokens.AccessToken(access));
        tokens.storeRefreshToken(ws, id, new RefreshToken(refresh), expiresAt.plus(Duration.ofDays(300)));
        return id;
    }

    /** A TikTok-account grant from the simulator (there is no tt_user connect flow yet). */
    private ApiResult ttUserGrant() {
        control("POST", "/_sim/consent", Map.of("autoApprove", true));
        String redirect = url("/tiktok/tt-callback");
        var page = Http.get(url("/tiktok-sim/v2/auth/authorize") + "?client_key=7000000000000000001"
                + "&response_type=code&state=s&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        String code = page.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        return api.call(ApiCall.post("tt_user/oauth2/token/")
                .param("client_id", "7000000000000000001").param("client_secret", "simulator-secret")
                .param("grant_type", "authorization_code").param("auth_code", code).param("redirect_uri", redirect), null);
    }

    private JsonNode get(Admin admin, String id) {
        ApiClient.Response response = admin.api().get(
                "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long refreshesWith(String refreshToken) {
        return control("GET", "/_sim/stats", null).path("refreshes_per_refresh_token").path(refreshToken).asLong(0);
    }

    private long callsWith(String accessToken) {
        return control("GET", "/_sim/stats", null).path("calls_per_token").path(accessToken).asLong(0);
    }

    private long pendingRows(String connectionId) {
        return jdbc.sql("SELECT count(*) FROM tiktok_pending_revocation WHERE connection_id = :c")
                .param("c", UUID.fromString(connectionId)).query(Long.class).single();
    }

    private List<String> auditActions(Admin admin) {
        return jdbc.sql("SELECT action FROM audit_events WHERE workspace_id = :ws ORDER BY seq")
                .param("ws", UUID.fromString(admin.workspaceId())).query(String.class).list();
    }
}
