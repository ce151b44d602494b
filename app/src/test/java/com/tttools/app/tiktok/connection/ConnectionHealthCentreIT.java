package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.ApiClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connection health centre on the connections page, with the simulator: status as a badge in words, scopes and
 * ad accounts by name, the last sync per kind with its outcome, who connected it (warned as the only admin), local
 * times; reconnecting the same TikTok user renews the row; a disconnected row can be removed.
 */
class ConnectionHealthCentreIT extends ConnectionTestSupport {

    @Autowired
    AuditLog auditLog;

    String page(Admin admin) {
        ApiClient.Response page = admin.api().get("/workspaces/" + admin.workspaceId() + "/connections");
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    String lastJobStatus(Admin admin, String kind) {
        return jdbc.sql("""
                        SELECT status FROM jobs WHERE workspace_id = :ws AND concurrency_key LIKE :key
                        ORDER BY created_at DESC LIMIT 1""")
                .param("ws", UUID.fromString(admin.workspaceId())).param("key", "sync:%:" + kind)
                .query(String.class).optional().orElse("");
    }

    @Test
    void eachConnectionShowsItsHealthInWordsAndNames() {
        Admin admin = admin("health");
        String id = connect(admin);
        await().atMost(Duration.ofSeconds(120)).until(() -> lastJobStatus(admin, "ASSETS"), s -> s.equals("SUCCEEDED"));
        String advertiser = list(admin).get("items").get(0).get("advertisers").get(0).asString();
        String name = jdbc.sql("SELECT name FROM inventory_entity_labels WHERE workspace_id = :ws AND tiktok_id = :id")
                .param("ws", UUID.fromString(admin.workspaceId())).param("id", advertiser).query(String.class).list()
                .stream().findFirst().orElseThrow();

        String page = page(admin);
        assertThat(page).contains("id=\"connection-" + id + "\"").contains(">Active</span>").contains("data-status=\"ACTIVE\"")
                .contains("Reporting")                                     // scopes by name
                .contains(">" + name).contains("title=\"" + advertiser + "\"")  // ad accounts by name, id as tooltip
                .contains("Last asset sync").contains(">Succeeded</span>")
                .contains("Last report sync")
                .contains("Does not expire")
                .contains("<time title=")                                  // times in the workspace's timezone
                .contains("id=\"only-admin-" + id + "\"")                  // the owner is the workspace's only admin
                .doesNotContain("id=\"reconnect-" + id + "\"")             // nothing to reconnect while active
                .doesNotContain("2026-12-04T");                            // no raw instants

        // what the health check found (ad accounts new and no longer reachable, by name) and TikTok's last error
        // with its request id, as the page reads them
        jdbc.sql("""
                        UPDATE tiktok_connection SET new_advertisers = CAST(:added AS text[]),
                            lost_advertisers = CAST(:lost AS text[]), last_error_code = 40105,
                            last_error_message = 'The access token is invalid', last_error_request_id = :request,
                            last_error_at = now()
                        WHERE workspace_id = :ws AND id = :id""")
                .param("added", "{" + advertiser + "}").param("lost", "{7000000000000999999}")
                .param("request", "20261205-req-health").param("ws", UUID.fromString(admin.workspaceId()))
                .param("id", UUID.fromString(id)).update();
        String found = page(admin);
        assertThat(between(found, "class=\"advertisers-new\"", "</div>")).contains(">New</span>").contains(">" + name);
        assertThat(between(found, "class=\"advertisers-lost\"", "</div>")).contains("No longer reachable")
                .contains("7000000000000999999");
        assertThat(between(found, "class=\"last-error\"", "</dd>")).contains("The access token is invalid")
                .contains("TikTok code 40105, request id 20261205-req-health");
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

    @Test
    void reconnectingTheSameTikTokUserRenewsItsConnectionAndADisconnectedRowCanBeRemoved() {
        Admin admin = admin("health-reconnect");
        String id = connect(admin);
        String before = tokenOf(admin, id).value();
        String base = "/workspaces/" + admin.workspaceId() + "/connections";
        assertThat(admin.api().post(base + "/" + id + "/disconnect", null).status()).isEqualTo(302);
        String disconnected = page(admin);
        assertThat(disconnected).contains(">Disconnected</span>").contains("id=\"reconnect-" + id + "\"")
                .contains("id=\"remove-" + id + "\"").contains("Revoked and deleted");

        // one-click reconnect: the same simulated TikTok user consents again
        ApiClient.Response back = callback(admin.api(), consentAutoApproved(start(admin)));
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        assertThat(connectionRows(admin.workspaceId())).as("the row is reused").isEqualTo(1);
        var item = list(admin).get("items").get(0);
        assertThat(item.get("id").asString()).isEqualTo(id);
        assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(tokenOf(admin, id).value()).isNotEqualTo(before);
        assertThat(page(admin)).contains(">Active</span>").doesNotContain("id=\"remove-" + id + "\"");

        // an active connection cannot be removed; a disconnected one can, and that is audited
        admin.api().post(base + "/" + id + "/remove", null);
        assertThat(connectionRows(admin.workspaceId())).as("an active connection stays").isEqualTo(1);
        assertThat(admin.api().post("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id + "/sync",
                java.util.Map.of("kind", "ASSETS")).status()).as("still usable").isEqualTo(202);
        assertThat(admin.api().post(base + "/" + id + "/disconnect", null).status()).isEqualTo(302);
        assertThat(admin.api().post(base + "/" + id + "/remove", null).status()).isEqualTo(302);
        assertThat(connectionRows(admin.workspaceId())).isZero();
        assertThat(page(admin)).doesNotContain("id=\"connection-" + id + "\"");
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(AuditQuery.of(OrganizationId.of(admin.orgId()))
                .withAction("connection.removed")).items(), items -> items.size() == 1);
    }
}
