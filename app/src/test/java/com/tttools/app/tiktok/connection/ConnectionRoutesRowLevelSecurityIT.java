package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.TenantProbe;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The connection routes, API and page forms, bind their workspace like every {@code @RequireWorkspace} route
 * (docs/security.md, "Row-level security"): what each request runs on the workspace's connections (on its OAuth
 * states, for a connect) runs under the tenant role for that workspace. {@link TenantProbe} asks the connection who
 * it is right before each such statement of the request's thread; a route that authorized in the service only (as
 * these did) runs them as the login role and fails here.
 */
class ConnectionRoutesRowLevelSecurityIT extends ConnectionTestSupport {

    @Test
    void everyConnectionRouteRunsItsStatementsUnderTheTenantRoleForItsWorkspace() {
        Admin admin = admin("rls-connections");
        ApiClient client = admin.api();
        String api = "/api/v1/workspaces/" + admin.workspaceId() + "/connections";
        String page = "/workspaces/" + admin.workspaceId() + "/connections";
        String tenant = "tttools_tenant/" + admin.workspaceId();

        underTenant(tenant, "tiktok_oauth_state", 201, () -> client.send("POST", api + "/tiktok", null, COUNT));
        underTenant(tenant, "tiktok_oauth_state", 302, () -> client.postForm(page + "/tiktok", "", true, COUNT));
        String id = connect(admin);
        awaitFirstAssetSync(admin);

        underTenant(tenant, "tiktok_connection", 200, () -> client.get(api, COUNT));
        underTenant(tenant, "tiktok_connection", 200, () -> client.get(api + "/" + id, COUNT));
        underTenant(tenant, "tiktok_connection", 200, () -> client.send("POST", api + "/" + id + "/check", null, COUNT));
        underTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/check", "", true, COUNT));
        shows(client, page, "Checked the connection");
        underTenant(tenant, "tiktok_connection", 202,
                () -> client.send("POST", api + "/" + id + "/sync", "{\"kind\":\"ASSETS\"}", COUNT));
        underTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/sync", "kind=REPORTS", true, COUNT));
        shows(client, page, "sync queued");
        underTenant(tenant, "tiktok_connection", 204, () -> client.send("DELETE", api + "/" + id, null, COUNT));
        underTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/disconnect", "", true, COUNT));
        shows(client, page, "already disconnected");
        underTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/remove", "", true, COUNT));
        shows(client, page, "Removed the disconnected");
        assertThat(connectionRows(admin.workspaceId())).isZero();
    }

    private static final String[] COUNT = {StatementCounter.HEADER, "1"};

    /** Sends the request while probing the statements containing {@code sql}: some ran, all in the tenant context. */
    private static void underTenant(String tenant, String sql, int status, Supplier<ApiClient.Response> send) {
        TenantProbe.arm(sql);
        ApiClient.Response response;
        List<TenantProbe.Seen> seen;
        try {
            response = send.get();
        } finally {
            seen = TenantProbe.disarm();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(seen).filteredOn(TenantProbe.Seen::countedRequest).isNotEmpty()
                .allSatisfy(s -> assertThat(s.who()).as(s.sql()).isEqualTo(tenant));
    }

    /** A page form redirects back to the list whatever happened: the list's flash notice says what it did. */
    private static void shows(ApiClient client, String page, String notice) {
        assertThat(client.get(page).body()).contains(notice);
    }
}
