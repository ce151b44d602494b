package com.tttools.app.tiktok.connection;

import static com.tttools.app.support.TenantProbe.expectUnderTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.TenantProbe;
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

        expectUnderTenant(tenant, "tiktok_oauth_state", 201, () -> client.send("POST", api + "/tiktok", null, COUNT));
        expectUnderTenant(tenant, "tiktok_oauth_state", 302, () -> client.postForm(page + "/tiktok", "", true, COUNT));
        String id = connect(admin);
        awaitFirstAssetSync(admin);

        expectUnderTenant(tenant, "tiktok_connection", 200, () -> client.get(api, COUNT));
        expectUnderTenant(tenant, "tiktok_connection", 200, () -> client.get(api + "/" + id, COUNT));
        expectUnderTenant(tenant, "tiktok_connection", 200,
                () -> client.send("POST", api + "/" + id + "/check", null, COUNT));
        expectUnderTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/check", "", true, COUNT));
        shows(client, page, "Checked the connection");
        expectUnderTenant(tenant, "tiktok_connection", 202,
                () -> client.send("POST", api + "/" + id + "/sync", "{\"kind\":\"ASSETS\"}", COUNT));
        expectUnderTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/sync", "kind=REPORTS", true, COUNT));
        shows(client, page, "sync queued");
        expectUnderTenant(tenant, "tiktok_connection", 204, () -> client.send("DELETE", api + "/" + id, null, COUNT));
        expectUnderTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/disconnect", "", true, COUNT));
        shows(client, page, "already disconnected");
        expectUnderTenant(tenant, "tiktok_connection", 302,
                () -> client.postForm(page + "/" + id + "/remove", "", true, COUNT));
        shows(client, page, "Removed the disconnected");
        assertThat(connectionRows(admin.workspaceId())).isZero();
    }

    private static final String[] COUNT = {StatementCounter.HEADER, "1"};

    /** A page form redirects back to the list whatever happened: the list's flash notice says what it did. */
    private static void shows(ApiClient client, String page, String notice) {
        assertThat(client.get(page).body()).contains(notice);
    }
}
