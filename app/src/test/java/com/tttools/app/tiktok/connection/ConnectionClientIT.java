package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.AdFilter;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiPage;
import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.TikTokValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The client bound to one connection: it sends the connection's token, and a rejected token ends in NEEDS_REAUTH. */
class ConnectionClientIT extends ConnectionTestSupport {

    static final Actor ACTOR = Actor.system("job:connection-client-test");

    @Autowired
    TikTokMarketingApi tiktok;
    @Autowired
    ConnectionRepository connections;

    @Test
    void theTypedReadsSendTheConnectionsTokenAndReturnWhatItReaches() {
        Admin admin = admin("client-reads");
        String id = connect(admin);
        awaitFirstAssetSync(admin);
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        String token = tokenOf(admin, id).value();
        long before = callsWith(token);

        TikTokClient client = tiktok.forConnection(ws, ConnectionId.of(id), ACTOR);
        List<String> advertisers = client.authorizedAdvertiserIds();
        List<JsonNode> info = client.advertiserInfo(advertisers, List.of("advertiser_id", "name"));

        assertThat(advertisers).containsExactlyInAnyOrderElementsOf(
                connections.find(ws, UUID.fromString(id)).orElseThrow().grantedAdvertisers());
        assertThat(info).extracting(a -> TikTokValues.id(a.path("advertiser_id")).orElseThrow())
                .containsExactlyInAnyOrderElementsOf(advertisers);
        assertThat(callsWith(token)).as("both calls carried the connection's token").isEqualTo(before + 2);
        assertThat(client.priority()).isEqualTo(CallPriority.INTERACTIVE);
        assertThat(client.background().priority()).isEqualTo(CallPriority.BACKGROUND);
    }

    @Test
    void aWriteThroughTheGenericCallIsAJsonPostWithTheConnectionsToken() {
        Admin admin = admin("client-write");
        String id = connect(admin);
        TikTokClient client = tiktok.forConnection(WorkspaceId.of(admin.workspaceId()), ConnectionId.of(id), ACTOR)
                .background();
        String advertiser = client.authorizedAdvertiserIds().get(0);
        JsonNode campaign = firstLiveCampaign(client, advertiser);
        String campaignId = TikTokValues.id(campaign.path("campaign_id")).orElseThrow();
        String target = "ENABLE".equals(campaign.path("operation_status").asString()) ? "DISABLE" : "ENABLE";

        client.call(ApiCall.post("campaign/status/update/", Map.of("advertiser_id", advertiser,
                "campaign_ids", List.of(campaignId), "operation_status", target)).priority(CallPriority.INTERACTIVE));

        List<JsonNode> after = new ArrayList<>();
        client.campaigns(advertiser, page -> after.addAll(page.items()));
        assertThat(after).filteredOn(c -> campaignId.equals(TikTokValues.id(c.path("campaign_id")).orElse(null)))
                .singleElement().satisfies(c -> assertThat(c.path("operation_status").asString()).isEqualTo(target));
    }

    @Test
    void aTokenTikTokRejectsMovesTheConnectionToNeedsReauthInTheCallersName() {
        Admin admin = admin("client-rejected");
        String id = connect(admin);
        awaitJobsFinished(admin);   // the connect's own syncs must not be the ones to meet the revoked token
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", tokenOf(admin, id).value()));
        String advertiser = connections.find(ws, UUID.fromString(id)).orElseThrow().grantedAdvertisers().get(0);
        TikTokClient client = tiktok.forConnection(ws, ConnectionId.of(id), ACTOR);

        assertThatThrownBy(() -> client.ads(advertiser, AdFilter.all(), page -> { }))
                .isInstanceOfSatisfying(NeedsReauthorizationException.class,
                        e -> assertThat(e.code()).isEqualTo(40105));

        ConnectionRow row = connections.find(ws, UUID.fromString(id)).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(tokenRows(admin.workspaceId())).as("tokens deleted").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT actor_system FROM audit_events WHERE workspace_id = :ws AND action = 'connection.needs_reauth'""")
                .param("ws", UUID.fromString(admin.workspaceId())).query(String.class).list())
                .containsExactly(ACTOR.system()));
    }

    @Test
    void aConnectionWithoutATokenFailsBeforeAskingTikTokAndKeepsItsStatus() {
        Admin admin = admin("client-no-token");
        String id = connect(admin);
        awaitJobsFinished(admin);
        WorkspaceId ws = WorkspaceId.of(admin.workspaceId());
        String former = tokenOf(admin, id).value();
        tokens.delete(ws, UUID.fromString(id));
        // this connection's own calls: other connections' syncs and health checks may call /bc/get/ meanwhile
        long withFormer = simulator().callsWith(former, "/bc/get/");
        long withoutToken = callsWithoutToken("/bc/get/");

        TikTokClient client = tiktok.forConnection(ws, ConnectionId.of(id), ACTOR);
        assertThatThrownBy(client::businessCenters).isInstanceOfSatisfying(NeedsReauthorizationException.class,
                e -> assertThat(e.code()).isZero());
        assertThat(simulator().callsWith(former, "/bc/get/")).as("no call with the deleted token").isEqualTo(withFormer);
        assertThat(callsWithoutToken("/bc/get/")).as("no call without a token").isEqualTo(withoutToken);
        assertThat(connections.find(ws, UUID.fromString(id)).orElseThrow().status())
                .isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aConnectionOfAnotherWorkspaceLendsNoToken() {
        Admin owner = admin("client-owner");
        Admin other = admin("client-other");
        String id = connect(owner);

        TikTokClient client = tiktok.forConnection(WorkspaceId.of(other.workspaceId()), ConnectionId.of(id), ACTOR);

        assertThatThrownBy(client::authorizedAdvertiserIds).isInstanceOf(NeedsReauthorizationException.class);
    }

    private JsonNode firstLiveCampaign(TikTokClient client, String advertiser) {
        List<JsonNode> campaigns = new ArrayList<>();
        client.campaigns(advertiser, (ApiPage page) -> campaigns.addAll(page.items()));
        return campaigns.stream().filter(c -> !"DELETE".equals(c.path("operation_status").asString()))
                .findFirst().orElseThrow();
    }

    private void awaitJobsFinished(Admin admin) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/jobs").json().get("items");
            for (JsonNode job : items) {
                if (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asString())) {
                    return false;
                }
            }
            return !items.isEmpty();
        });
    }

    private long callsWithoutToken(String path) {
        return control("GET", "/_sim/stats", null).path("calls_per_path_without_token").path(path).asLong(0);
    }

    private long callsWith(String accessToken) {
        return control("GET", "/_sim/stats", null).path("calls_per_token").path(accessToken).asLong(0);
    }
}
