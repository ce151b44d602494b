package com.tttools.app.bulk;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace with a synced inventory for change-set tests: an owner (approver), an operator (author), a simulator
 * token for a made-up connection, and direct reads/writes at the simulator to check and restore its state.
 */
abstract class BulkTestSupport extends SimulatedWorkspaceTest {

    @Autowired
    JsonMapper json;

    Tenants tenants;
    Tenants.User owner;
    Tenants.User operator;
    String org;
    String ws;
    String base;
    AccessToken token;
    List<String> advertisers;
    UUID connectionId;

    /** The simulated world at MEDIUM scale (hundreds of ads per advertiser); SimulatorStateGuard puts it back. */
    void mediumWorld() {
        simulator().reset(simulator().sim().seed(), com.tttools.simulator.Scale.MEDIUM);
    }

    /** Builds the workspace and syncs the given advertisers of the simulated world (from the middle of the list). */
    void syncedWorkspace(String name, int firstAdvertiser, int advertiserCount) {
        tenants = tenants();
        owner = tenants.verifiedUser(name + "-owner");
        org = tenants.createOrganization(owner, name + " Org");
        ws = tenants.createWorkspace(owner, org, name + " Brand");
        operator = tenants.member(owner, org, name + "-operator", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "OPERATOR")));
        base = "/api/v1/workspaces/" + ws;
        advertisers = simulator().advertiserIds().subList(firstAdvertiser, firstAdvertiser + advertiserCount);
        token = new AccessToken(simulator().issueAccessToken(DEV_APP, advertisers));
        connectionId = UUID.randomUUID();
        tokenStore.storeAccessToken(WorkspaceId.of(ws), connectionId, token);
        resync();
    }

    /** Syncs the workspace's inventory from the simulator again. */
    void resync() {
        runToSuccess(WorkspaceId.of(ws), AssetSync.request(WorkspaceId.of(ws), connectionId));
    }

    /** Inventory items of a collection (all pages). */
    List<JsonNode> inventory(String collection) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(owner.api().get(base + "/" + collection + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)), 200).json();
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    /** The ids of entities whose own status is ENABLE in the inventory. */
    List<JsonNode> enabled(String collection) {
        return inventory(collection).stream()
                .filter(item -> "ENABLE".equals(item.path("details").path("operationStatus").asString()))
                .filter(item -> !item.path("removed").asBoolean())
                .filter(item -> !item.path("status").asString().contains("DELETE"))   // e.g. its campaign deleted
                .toList();
    }

    JsonNode awaitFinished(String changeSetId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> expect(owner.api().get(base + "/bulk-operations/" + changeSetId), 200).json(),
                        cs -> !cs.path("status").asString().equals("APPLYING")
                                && !cs.path("status").asString().equals("APPROVED"));
    }

    // ---- the simulator, read and written directly with the connection's token ------------------------------

    /** TikTok's own operation_status of these entities (level "ad", "adgroup" or "campaign"), by id. */
    Map<String, String> simulatorStatus(String level, String advertiserId, List<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode item : simulatorRead(level, advertiserId, ids)) {
            out.put(item.path(level + "_id").asString(), item.path("operation_status").asString());
        }
        return out;
    }

    List<JsonNode> simulatorRead(String level, String advertiserId, List<String> ids) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 100) {
            for (List<String> buyingTypes : List.of(List.of("AUCTION", "RESERVATION_RF"), List.of("RESERVATION_TOP_VIEW"))) {
                Map<String, Object> filtering = Map.of(level + "_ids", ids.subList(i, Math.min(ids.size(), i + 100)),
                        "primary_status", "STATUS_ALL", "buying_types", buyingTypes);
                String query = "advertiser_id=" + advertiserId + "&page_size=1000&filtering="
                        + URLEncoder.encode(json.writeValueAsString(filtering), StandardCharsets.UTF_8);
                JsonNode body = call("GET", "/" + level + "/get/?" + query, null);
                assertThat(body.path("code").asInt()).as(body.toString()).isZero();
                body.path("data").path("list").forEach(out::add);
            }
        }
        return out;
    }

    /** Sets the status of entities at the simulator (to put back what a test changed). */
    void simulatorSetStatus(String level, String advertiserId, List<String> ids, String status) {
        for (int i = 0; i < ids.size(); i += 20) {
            JsonNode body = call("POST", "/" + level + "/status/update/", Map.of("advertiser_id", advertiserId,
                    level + "_ids", ids.subList(i, Math.min(ids.size(), i + 20)), "operation_status", status));
            assertThat(body.path("code").asInt()).as(body.toString()).isZero();
        }
    }

    private JsonNode call(String method, String path, Object body) {
        return simulatorApi().marketing(token.value(), method, path, body);
    }

    com.tttools.app.support.SimulatorApi simulatorApi() {
        return new com.tttools.app.support.SimulatorApi(port, json);
    }

    ApiClient.Response plan(Tenants.User who, Map<String, Object> body, String idempotencyKey) {
        return idempotencyKey == null ? who.api().post(base + "/bulk-operations", body)
                : who.api().post(base + "/bulk-operations", body, Map.of("Idempotency-Key", idempotencyKey));
    }
}
