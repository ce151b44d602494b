package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.simulator.SimulatorControl.Fault;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The asset sync against the embedded simulator: what it stores equals what the simulator serves to the same
 * token; deletions stay visible; retries resume from the checkpoint; a revoked token fails the job for good.
 */
class AssetSyncIT extends InventoryTestSupport {

    @Autowired
    MarketingApi api;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @AfterEach
    void clearFaults() {
        simulator().clearFaults();
    }

    @Test
    void aFullSyncStoresExactlyWhatTheSimulatorServesForEveryCollection() {
        WorkspaceId workspace = WorkspaceId.random();
        List<String> advertisers = advertisers(3);
        SimulatedConnection connection = connect(workspace, advertisers);

        JobView job = sync(connection);

        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.progress().total()).isEqualTo(job.progress().done());
        assertThat(stored(workspace, "ADVERTISER", null).keySet()).containsExactlyInAnyOrderElementsOf(advertisers);
        JsonNode info = api.call(ApiCall.get("advertiser/info/")
                .param("advertiser_ids", advertisers), connection.token()).data();
        for (JsonNode advertiser : info.path("list")) {
            Map<String, Object> row = row(workspace, "ADVERTISER", advertiser.path("advertiser_id").asString());
            assertThat(row.get("name")).isEqualTo(advertiser.path("name").asString());
            assertThat(row.get("currency")).isEqualTo(advertiser.path("currency").asString());
            assertThat(row.get("timezone")).isEqualTo(advertiser.path("timezone").asString());
        }
        List<JsonNode> centers = served(connection, "bc/get/", "list", 3, Map.of());
        assertThat(stored(workspace, "BUSINESS_CENTER", null).keySet())
                .containsExactlyInAnyOrderElementsOf(ids(centers, "bc_info.bc_id"));
        for (JsonNode center : centers) {
            String bcId = center.path("bc_info").path("bc_id").asString();
            assertThat(ids(stored(workspace, "CATALOG", null), bcId, "parent"))
                    .containsExactlyInAnyOrderElementsOf(ids(served(connection, "catalog/get/", "list", 7,
                            Map.of("bc_id", bcId)), "catalog_id"));
        }
        for (String advertiser : advertisers) {
            Map<String, Object> byAdvertiser = Map.of("advertiser_id", advertiser);
            compare(workspace, "IDENTITY", advertiser, served(connection, "identity/get/", "identity_list", 7, byAdvertiser), "identity_id", "display_name");
            compare(workspace, "PIXEL", advertiser, served(connection, "pixel/list/", "pixels", 3, byAdvertiser), "pixel_id", "pixel_name");
            compare(workspace, "AUDIENCE", advertiser, served(connection, "dmp/custom_audience/list/", "list", 7, byAdvertiser), "audience_id", "name");
            compare(workspace, "CAMPAIGN", advertiser, allStatusesAndBuyingTypes(connection, "campaign/get/", advertiser), "campaign_id", "campaign_name");
            compare(workspace, "AD_GROUP", advertiser, allStatusesAndBuyingTypes(connection, "adgroup/get/", advertiser), "adgroup_id", "adgroup_name");
            compare(workspace, "AD", advertiser, allStatusesAndBuyingTypes(connection, "ad/get/", advertiser), "ad_id", "ad_name");
        }
        ConnectionSync last = jdbcLastSync(workspace, connection);
        assertThat(last.advertiserIds()).containsExactlyInAnyOrderElementsOf(advertisers);
        assertThat(last.grantedSinceLast()).isEmpty();
    }

    /** advertiser/info carries the advertiser's contact person, email, phones, address and licence: never stored. */
    @Test
    void aSyncStoresNoAdvertiserContactDataOnlyTheAllowedFields() {
        WorkspaceId workspace = WorkspaceId.random();
        List<String> advertisers = advertisers(2);
        SimulatedConnection connection = connect(workspace, advertisers);
        JsonNode everything = api.call(ApiCall.get("advertiser/info/")
                .param("advertiser_ids", advertisers), connection.token()).data().path("list").get(0);
        assertThat(everything.has("email") && everything.has("address")).as("TikTok does send contact data").isTrue();

        assertThat(sync(connection).status()).isEqualTo(JobStatus.SUCCEEDED);

        long withContactData = jdbc.sql("""
                        SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws
                           AND (fields <> fields - ARRAY['contacter', 'email', 'cellphone_number', 'telephone_number',
                                                         'address', 'license_no', 'license_url']
                                OR fields::text ~* '(contacter|cellphone|telephone|license)')""")
                .param("ws", workspace.value()).query(Long.class).single();
        assertThat(withContactData).isZero();
        List<String> advertiserKeys = jdbc.sql("""
                        SELECT DISTINCT jsonb_object_keys(fields) FROM inventory_entities
                         WHERE workspace_id = :ws AND kind = 'ADVERTISER'""")
                .param("ws", workspace.value()).query(String.class).list();
        assertThat(advertiserKeys).contains("advertiser_id", "name", "currency", "timezone", "status", "balance")
                .doesNotContain("email", "contacter", "address", "cellphone_number", "telephone_number", "license_no",
                        "description");
    }

    /** Rows stored before the allow-list: the migration's statement removes their contact data, keeps the rest. */
    @Test
    void theContactDataMigrationStripsRowsStoredByEarlierSyncs() throws Exception {
        WorkspaceId workspace = WorkspaceId.random();
        jdbc.sql("""
                        INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, fields,
                                                        connection_id, synced_at, updated_at)
                        VALUES (:ws, 'ADVERTISER', '7002238017842757633', '7002238017842757633', 'Old',
                                CAST(:fields AS jsonb), gen_random_uuid(), now(), now())""")
                .param("ws", workspace.value())
                .param("fields", """
                        {"advertiser_id": "7002238017842757633", "name": "Old", "currency": "USD", "balance": 10,
                         "contacter": "Ai***te", "email": "i***@***", "cellphone_number": "+1347****53",
                         "telephone_number": "+1415****85", "address": "350 29th avenue", "license_no": "L-1",
                         "license_url": "https://lic", "description": "https://"}""")
                .update();
        String migration;
        try (var in = getClass().getResourceAsStream(
                "/db/migration/inventory/V2026_12_04_0800__inventory_drop_contact_fields.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        jdbc.sql(migration.replaceAll("(?m)^--.*$", "")).update();

        List<String> keys = jdbc.sql("""
                        SELECT jsonb_object_keys(fields) FROM inventory_entities WHERE workspace_id = :ws""")
                .param("ws", workspace.value()).query(String.class).list();
        assertThat(keys).containsExactlyInAnyOrder("advertiser_id", "name", "currency", "balance");
    }

    @Test
    void aCampaignDeletedInTikTokShowsAsDeletedAfterTheNextSyncAndLostAdvertisersAreReported() {
        WorkspaceId workspace = WorkspaceId.random();
        List<String> advertisers = advertisers(2);
        SimulatedConnection connection = connect(workspace, advertisers);
        assertThat(sync(connection).status()).isEqualTo(JobStatus.SUCCEEDED);
        String advertiser = advertisers.get(1);
        String campaign = jdbc.sql("""
                        SELECT tiktok_id FROM inventory_entities WHERE workspace_id = :ws AND kind = 'CAMPAIGN'
                          AND advertiser_id = :adv AND status <> 'CAMPAIGN_STATUS_DELETE' ORDER BY tiktok_id LIMIT 1""")
                .param("ws", workspace.value()).param("adv", advertiser).query(String.class).single();
        int adsOfCampaign = count(workspace, "AD", campaign);

        api.call(ApiCall.post("campaign/status/update/").param("advertiser_id", advertiser)
                .param("campaign_ids", List.of(campaign)).param("operation_status", "DELETE"), connection.token());
        // the token now reaches only the second advertiser: the first was lost
        tokenStore.storeAccessToken(workspace, connection.id(),
                new com.tttools.app.tiktok.tokens.AccessToken(simulator().issueAccessToken(DEV_APP, List.of(advertiser))));
        assertThat(sync(connection).status()).isEqualTo(JobStatus.SUCCEEDED);

        Map<String, Object> row = row(workspace, "CAMPAIGN", campaign);
        assertThat(row.get("status")).isEqualTo("CAMPAIGN_STATUS_DELETE");
        assertThat(row.get("removed_at")).isNull();
        assertThat(count(workspace, "AD", campaign)).isEqualTo(adsOfCampaign);
        // the second sync read ads incrementally (modified_after + the changed campaign's ads): still exact
        compare(workspace, "AD", advertiser, allStatusesAndBuyingTypes(connection, "ad/get/", advertiser), "ad_id", "ad_name");
        compare(workspace, "CAMPAIGN", advertiser, allStatusesAndBuyingTypes(connection, "campaign/get/", advertiser), "campaign_id", "campaign_name");
        assertThat(row(workspace, "ADVERTISER", advertisers.get(0)).get("removed_at")).isNotNull();
        ConnectionSync last = jdbcLastSync(workspace, connection);
        assertThat(last.lostSinceLast()).containsExactly(advertisers.get(0));
        assertThat(last.grantedSinceLast()).isEmpty();
    }

    @Test
    void aSyncThatMeetsServerErrorsRetriesAndResumesFromItsCheckpoint() {
        WorkspaceId workspace = WorkspaceId.random();
        List<String> advertisers = advertisers(2);
        SimulatedConnection connection = connect(workspace, advertisers);
        Map<String, Long> before = callsPerPath(connection);
        // more failures than the client's own retries (4): the job attempt fails and the job is retried
        simulator().addFault(Fault.code(50000).onPath("adgroup/get").forToken(connection.token().value()).forNext(4));

        JobView job = sync(connection);

        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        Map<String, Long> calls = delta(before, callsPerPath(connection));
        // the plan (advertisers, business centers) and the finished units were not read again
        assertThat(calls.get("/advertiser/info/")).isEqualTo(1L);
        assertThat(calls.get("/bc/get/")).isEqualTo(1L);
        assertThat(calls.get("/campaign/get/")).isEqualTo(2L * advertisers.size());
        assertThat(calls.get("/adgroup/get/")).isEqualTo(4L + 2L * advertisers.size());
        Long distinct = jdbc.sql("SELECT count(DISTINCT (kind, tiktok_id)) - count(*) FROM inventory_entities WHERE workspace_id = :ws")
                .param("ws", workspace.value()).query(Long.class).single();
        assertThat(distinct).isZero();
    }

    @Test
    void aRevokedTokenFailsTheSyncAtOnceWithAClearMessage() {
        WorkspaceId workspace = WorkspaceId.random();
        SimulatedConnection connection = connect(workspace, advertisers(1));
        simulator().revoke(connection.token().value());

        JobView job = sync(connection);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.lastError()).contains("reconnect TikTok");
    }

    @Test
    void aConnectionWithoutATokenFailsPermanently() {
        WorkspaceId workspace = WorkspaceId.random();
        SimulatedConnection none = new SimulatedConnection(workspace, java.util.UUID.randomUUID(), null);
        JobView job = sync(none);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(1);
    }

    // --- reading what the simulator serves (other page sizes than the sync's, so paging is cross-checked)

    private List<JsonNode> served(SimulatedConnection connection, String path, String key, int pageSize,
            Map<String, Object> params) {
        ApiCall call = ApiCall.get(path);
        for (var p : params.entrySet()) {
            call = call.param(p.getKey(), p.getValue());
        }
        return api.listAll(call, connection.token(), key, pageSize);
    }

    private List<JsonNode> allStatusesAndBuyingTypes(SimulatedConnection connection, String path, String advertiser) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (List<String> buying : List.of(List.of("AUCTION"), List.of("RESERVATION_RF"), List.of("RESERVATION_TOP_VIEW"))) {
            all.addAll(served(connection, path, "list", 50, Map.of("advertiser_id", advertiser,
                    "filtering", Map.of("primary_status", "STATUS_ALL", "buying_types", buying))));
        }
        return all;
    }

    private void compare(WorkspaceId workspace, String kind, String advertiser, List<JsonNode> served, String idField,
            String nameField) {
        Map<String, Map<String, Object>> stored = stored(workspace, kind, advertiser);
        assertThat(stored.keySet()).as(kind + " of " + advertiser).containsExactlyInAnyOrderElementsOf(ids(served, idField));
        assertThat(stored).as(kind + " of " + advertiser + " is not empty").isNotEmpty();
        for (JsonNode item : served) {
            Map<String, Object> row = stored.get(item.path(idField).asString());
            assertThat(row.get("name")).as(kind + " name").isEqualTo(item.path(nameField).asString());
            if (item.has("secondary_status")) {
                assertThat(row.get("status")).as(kind + " status").isEqualTo(item.path("secondary_status").asString());
            }
            JsonNode fields = json.readTree((String) row.get("fields"));
            assertThat(fields.has(idField)).as(kind + " keeps its id").isTrue();
            for (String key : fields.propertyNames()) {   // the allow-list keeps fields as TikTok sent them
                assertThat(fields.get(key)).as(kind + " field " + key).isEqualTo(item.get(key));
            }
        }
    }

    private Map<String, Map<String, Object>> stored(WorkspaceId workspace, String kind, String advertiser) {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        jdbc.sql("""
                        SELECT tiktok_id, name, status, parent_tiktok_id, removed_at, fields::text AS fields
                        FROM inventory_entities WHERE workspace_id = :ws AND kind = :kind
                          AND (CAST(:adv AS text) IS NULL OR advertiser_id = :adv)""")
                .param("ws", workspace.value()).param("kind", kind).param("adv", advertiser)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("status", rs.getString("status"));
                    row.put("parent", rs.getString("parent_tiktok_id"));
                    row.put("removed_at", rs.getTimestamp("removed_at"));
                    row.put("fields", rs.getString("fields"));   // compared as trees: jsonb reorders keys
                    return rows.put(rs.getString("tiktok_id"), row);
                }).list();
        return rows;
    }

    private Map<String, Object> row(WorkspaceId workspace, String kind, String tiktokId) {
        return jdbc.sql("""
                        SELECT name, status, removed_at, fields->>'currency' AS currency, fields->>'timezone' AS timezone
                        FROM inventory_entities WHERE workspace_id = :ws AND kind = :kind AND tiktok_id = :id""")
                .param("ws", workspace.value()).param("kind", kind).param("id", tiktokId)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("status", rs.getString("status"));
                    row.put("removed_at", rs.getTimestamp("removed_at"));
                    row.put("currency", rs.getString("currency"));
                    row.put("timezone", rs.getString("timezone"));
                    return row;
                }).single();
    }

    private int count(WorkspaceId workspace, String kind, String campaign) {
        return jdbc.sql("SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws AND kind = :kind AND campaign_tiktok_id = :c")
                .param("ws", workspace.value()).param("kind", kind).param("c", campaign).query(Integer.class).single();
    }

    private static Set<String> ids(List<JsonNode> items, String path) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode item : items) {
            JsonNode node = item;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            ids.add(node.asString());
        }
        return ids;
    }

    private static Set<String> ids(Map<String, Map<String, Object>> rows, String value, String column) {
        Set<String> ids = new TreeSet<>();
        rows.forEach((id, row) -> {
            if (value.equals(row.get(column))) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Autowired
    Inventory inventory;

    private ConnectionSync jdbcLastSync(WorkspaceId workspace, SimulatedConnection connection) {
        return inventory.lastSync(workspace, connection.id()).orElseThrow();
    }

    /** The connection's own calls: other tests' scheduled syncs call the same paths meanwhile. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> callsPerPath(SimulatedConnection connection) {
        var perToken = (Map<String, Map<String, Long>>) simulator().stats().get("calls_per_token_per_path");
        return new HashMap<>(perToken.getOrDefault(connection.token().value(), Map.of()));
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((path, n) -> delta.put(path, n - before.getOrDefault(path, 0L)));
        return delta;
    }
}
