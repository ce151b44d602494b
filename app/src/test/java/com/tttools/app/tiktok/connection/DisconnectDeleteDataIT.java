package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.support.ApiClient;
import com.tttools.app.tiktok.TikTokConnectionEvents;
import com.tttools.simulator.EmbeddedSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * Disconnect with "also delete its data" (docs/data-lifecycle.md): connect through the simulator's consent form,
 * sync assets and reports for real, disconnect, and count what is left per advertiser and workspace.
 */
class DisconnectDeleteDataIT extends ConnectionTestSupport {

    /** Every table that holds synced data keyed by advertiser (inventory: the advertiser's own row included). */
    private static final Map<String, String> PER_ADVERTISER = Map.of(
            "inventory_entities", "advertiser_id",
            "report_daily_facts", "advertiser_id",
            "report_finality", "advertiser_id",
            "report_advertisers", "advertiser_id");

    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulatorRegistration;

    @Test
    void deleteDataRemovesTheAdvertisersAssetsAndReportsOfThatWorkspaceOnly() {
        List<String> advertisers = advertisers(0, 2);
        Admin admin = admin("dd-delete");
        Admin other = admin("dd-other");
        String id = connectAndSync(admin, advertisers);
        connectAndSync(other, advertisers);
        Map<String, Long> before = rows(admin.workspaceId(), advertisers);
        Map<String, Long> otherBefore = rows(other.workspaceId(), advertisers);
        assertThat(before).as("synced for real").allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        ApiClient.Response deleted = disconnect(admin, id, true);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(admin.workspaceId(), advertisers))
                .allSatisfy((table, count) -> assertThat(count).as(table).isZero()));
        assertThat(count("SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws", admin.workspaceId()))
                .as("business centers and catalogs listed through the connection go too").isZero();
        assertThat(count("SELECT count(*) FROM inventory_connection_syncs WHERE workspace_id = :ws",
                admin.workspaceId())).isZero();
        assertThat(rows(other.workspaceId(), advertisers)).as("another workspace's copy").isEqualTo(otherBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(disconnectAudit(admin))
                .containsEntry("dataDeleted", true).containsEntry("advertisersDeleted", advertisers)
                .containsEntry("advertisersKept", List.of()));
    }

    @Test
    void withoutTheOptionTheDataStaysAsReportingHistory() {
        List<String> advertisers = advertisers(2, 3);
        Admin admin = admin("dd-keep");
        String id = connectAndSync(admin, advertisers);
        Map<String, Long> before = rows(admin.workspaceId(), advertisers);

        assertThat(disconnect(admin, id, false).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(disconnectAudit(admin))
                .containsEntry("dataDeleted", false));
        assertThat(rows(admin.workspaceId(), advertisers)).isEqualTo(before);
        assertThat(get(admin, id).get("status").asString()).isEqualTo("DISCONNECTED");
    }

    @Test
    void anAdvertiserAnotherLiveConnectionStillGrantsKeepsItsData() {
        Admin admin = admin("dd-shared");
        // the second connection is another TikTok user's (the same user's second consent renews the first one):
        // three ad accounts that user may grant too, the middle one granted by both connections
        List<String> ids = advertisersOfSecondUser(start(admin)).subList(0, 3);
        List<String> first = List.of(ids.get(0), ids.get(1));
        List<String> shared = List.of(ids.get(1));
        String id = connectAndSync(admin, first, 0);
        connectAndSync(admin, List.of(ids.get(1), ids.get(2)), 1);
        Map<String, Long> sharedBefore = rows(admin.workspaceId(), shared);

        ApiClient.Response page = admin.api().postForm("/workspaces/" + admin.workspaceId() + "/connections/" + id
                + "/disconnect", "deleteData=true", true);

        assertThat(page.status()).as(page.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rows(admin.workspaceId(),
                List.of(ids.get(0)))).allSatisfy((table, count) -> assertThat(count).as(table).isZero()));
        assertThat(rows(admin.workspaceId(), shared)).as("still granted by the other connection").isEqualTo(sharedBefore);
        assertThat(rows(admin.workspaceId(), List.of(ids.get(2)))).allSatisfy((table, count) ->
                assertThat(count).as(table).isPositive());
        String notice = admin.api().get("/workspaces/" + admin.workspaceId() + "/connections").body();
        assertThat(notice).contains("the assets and reports of 1 advertiser are being deleted")
                .contains("The data of 1 advertiser stays: another connection of this workspace still grants them")
                .doesNotContain(ids.get(1) + ") stays");
        assertThat(disconnectAudit(admin)).containsEntry("advertisersKept", shared)
                .containsEntry("advertisersDeleted", List.of(ids.get(0)));
    }

    @Test
    void disconnectCancelsTheConnectionsQueuedAndRunningSyncs() {
        Admin admin = admin("dd-cancel");
        String id = connectWith(admin, advertisers(0, 2));
        awaitAssetSync(admin, id);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String job = admin.api().post(connectionPath(admin, id) + "/sync", Map.of("kind", "REPORTS",
                "from", to.minusDays(89).toString(), "to", to.toString())).json().get("jobId").asString();

        assertThat(disconnect(admin, id, false).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(90)).until(() -> jobStatus(admin, job), s -> s.equals("CANCELLED"));
    }

    @Test
    void dataOfASyncStillRunningAtTheDisconnectIsDeletedOnceTheSyncStopped() {
        List<String> advertisers = advertisers(0, 2);
        Admin admin = admin("dd-running");
        String id = connectAndSync(admin, advertisers);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String job = admin.api().post(connectionPath(admin, id) + "/sync", Map.of("kind", "REPORTS",
                "from", to.minusDays(89).toString(), "to", to.toString())).json().get("jobId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> jobStatus(admin, job), s -> s.equals("RUNNING"));

        assertThat(disconnect(admin, id, true).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(90)).until(() -> jobStatus(admin, job), s -> s.equals("CANCELLED"));
        // a purge refused while the sync was stopping is resubmitted by the registry (in production every few minutes);
        // only this disconnect's publications: other tests' listeners may be running in the shared context right now
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            incomplete.resubmitIncompletePublications(publication -> publication.getEvent()
                    instanceof TikTokConnectionEvents.ConnectionDisconnected disconnected
                    && disconnected.connectionId().toString().equals(id));
            assertThat(rows(admin.workspaceId(), advertisers))
                    .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        });
    }

    // --- helpers

    private List<String> advertisers(int from, int to) {
        return EmbeddedSimulator.control(simulatorRegistration).advertiserIds().subList(from, to);
    }

    /** Connects through the consent form with exactly these advertisers; returns the new connection's id. */
    private String connectWith(Admin admin, List<String> advertisers) {
        return connectWith(admin, advertisers, 0);
    }

    private String connectWith(Admin admin, List<String> advertisers, int user) {
        URI back = consentForm(start(admin), "authorize", advertisers, user);
        ApiClient.Response landed = callback(admin.api(), back);
        assertThat(landed.status()).as(landed.body()).isEqualTo(302);
        for (JsonNode item : list(admin).get("items")) {
            java.util.Set<String> granted = new java.util.TreeSet<>();
            item.get("advertisers").forEach(a -> granted.add(a.asString()));
            if ("ACTIVE".equals(item.get("status").asString()) && granted.equals(new java.util.TreeSet<>(advertisers))) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("The new connection is not listed: " + list(admin));
    }

    /** Connects, waits for the asset sync the connect queued, then syncs three settled report days. */
    private String connectAndSync(Admin admin, List<String> advertisers) {
        return connectAndSync(admin, advertisers, 0);
    }

    private String connectAndSync(Admin admin, List<String> advertisers, int user) {
        String id = connectWith(admin, advertisers, user);
        awaitAssetSync(admin, id);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        ApiClient.Response queued = admin.api().post(connectionPath(admin, id) + "/sync",
                Map.of("kind", "REPORTS", "from", to.minusDays(2).toString(), "to", to.toString()));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String job = queued.json().get("jobId").asString();
        await().atMost(Duration.ofSeconds(120)).until(() -> jobStatus(admin, job), s -> s.equals("SUCCEEDED"));
        return id;
    }

    /** The asset sync the connect queued (the connection's sync state is written when it finishes). */
    private void awaitAssetSync(Admin admin, String id) {
        await().atMost(Duration.ofSeconds(120)).until(() -> connectionSyncs(id), n -> n > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.api().get("/api/v1/workspaces/" + admin.workspaceId()
                + "/jobs?type=tiktok.asset-sync").json().get("items").valueStream()
                .allMatch(job -> job.get("status").asString().equals("SUCCEEDED")));
    }

    private long connectionSyncs(String connectionId) {
        return jdbc.sql("SELECT count(*) FROM inventory_connection_syncs WHERE connection_id = :c")
                .param("c", UUID.fromString(connectionId)).query(Long.class).single();
    }

    private String jobStatus(Admin admin, String jobId) {
        return admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/jobs/" + jobId).json().get("status")
                .asString();
    }

    private ApiClient.Response disconnect(Admin admin, String id, boolean deleteData) {
        return admin.api().delete(connectionPath(admin, id) + (deleteData ? "?deleteData=true" : ""));
    }

    private JsonNode get(Admin admin, String id) {
        return admin.api().get(connectionPath(admin, id)).json();
    }

    private static String connectionPath(Admin admin, String id) {
        return "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id;
    }

    /** Rows per table of the given advertisers in the workspace. */
    private Map<String, Long> rows(String workspaceId, List<String> advertisers) {
        Map<String, Long> rows = new LinkedHashMap<>();
        PER_ADVERTISER.forEach((table, column) -> rows.put(table, jdbc.sql("SELECT count(*) FROM " + table
                        + " WHERE workspace_id = :ws AND " + column + " IN (:ids)")
                .param("ws", UUID.fromString(workspaceId)).param("ids", advertisers).query(Long.class).single()));
        return rows;
    }

    private long count(String sql, String workspaceId) {
        return jdbc.sql(sql).param("ws", UUID.fromString(workspaceId)).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> disconnectAudit(Admin admin) {
        String details = jdbc.sql("""
                        SELECT details::text FROM audit_events
                        WHERE workspace_id = :ws AND action = 'connection.disconnected' ORDER BY seq DESC LIMIT 1""")
                .param("ws", UUID.fromString(admin.workspaceId())).query(String.class).optional().orElse("{}");
        return json.readValue(details, Map.class);
    }
}
