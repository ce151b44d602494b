package com.tttools.app.tenancy;

import static com.tttools.app.support.Tenants.expect;
import static com.tttools.app.support.TenantProbe.expectUnderTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.TenantProbe;
import com.tttools.app.support.Tenants;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenancy's workspace routes, API and page forms, bind their workspace like every {@code @RequireWorkspace} route
 * (docs/security.md, "Row-level security"): what each request runs on the workspace's row, its members or the
 * caller's preference runs under the tenant role for that workspace. {@link TenantProbe} asks the connection who it
 * is right before each such statement of the request's thread; a route that authorized in the service only (as these
 * did) runs them as the login role and fails here. Restore and the switcher's form bind nothing (see their handlers).
 */
class WorkspaceRoutesRowLevelSecurityIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void everyWorkspaceRouteRunsItsStatementsUnderTheTenantRoleForItsWorkspace() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace ws = tenants.ownedWorkspace("rls-ws", "RLS");
        Tenants.User analyst = tenants.analyst(ws, "rls-ws");
        ApiClient client = ws.owner().api();
        String api = "/api/v1/workspaces/" + ws.id();
        String page = "/workspaces/" + ws.id();
        String tenant = "tttools_tenant/" + ws.id();
        String members = "SELECT user_id, role FROM workspace_members";

        // the workspace itself: its statements are the access check's, answered from the request's memo
        entersTheTenantContext(200, () -> client.get(api, COUNT));
        expectUnderTenant(tenant, "INSERT INTO user_workspace_preferences", 200,
                () -> client.send("POST", api + "/switch", null, COUNT));
        expectUnderTenant(tenant, members, 200, () -> client.get(api + "/members", COUNT));
        expectUnderTenant(tenant, members, 200, () -> client.get(page + "/settings", COUNT));

        expectUnderTenant(tenant, "UPDATE workspaces SET currency", 200,
                () -> client.send("PUT", api + "/currency", "{\"currency\":\"USD\"}", COUNT));
        expectUnderTenant(tenant, "UPDATE workspaces SET currency", 302,
                () -> client.postForm(page + "/settings/currency", "currency=GBP", true, COUNT));
        shows(client, page + "/settings", "Reports are now shown in GBP");

        String member = api + "/members/" + analyst.id();
        expectUnderTenant(tenant, "INSERT INTO workspace_members", 200,
                () -> client.send("PUT", member, "{\"role\":\"OPERATOR\"}", COUNT));
        expectUnderTenant(tenant, "INSERT INTO workspace_members", 302,
                () -> client.postForm(page + "/members", "userId=" + analyst.id() + "&role=ANALYST", true, COUNT));
        shows(client, page + "/settings", "is now ANALYST in this workspace");
        expectUnderTenant(tenant, "DELETE FROM workspace_members", 204,
                () -> client.send("DELETE", member, null, COUNT));
        expect(client.put(member, Map.of("role", "ANALYST")), 200);
        expectUnderTenant(tenant, "DELETE FROM workspace_members", 302,
                () -> client.postForm(page + "/members/" + analyst.id() + "/remove", "", true, COUNT));
        shows(client, page + "/settings", "Removed from this workspace");

        expectUnderTenant(tenant, "UPDATE workspaces SET deleted_at = ?", 204,
                () -> client.send("DELETE", api, null, COUNT));
        expect(client.post(api + "/restore", null), 200);
        expectUnderTenant(tenant, "UPDATE workspaces SET deleted_at = ?", 302,
                () -> client.postForm(page + "/delete", "", true, COUNT));
        shows(client, "/organizations/" + ws.orgId() + "/workspaces", "Workspace deleted");
    }

    /** The resolver authorizes before the body is read: 404 for an outsider and 403 for a low role, never 400. */
    @Test
    void authorizationComesBeforeTheBody() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace ws = tenants.ownedWorkspace("rls-ws-order", "Order");
        Tenants.User analyst = tenants.analyst(ws, "rls-ws-order");
        Tenants.User outsider = tenants.verifiedUser("rls-ws-outsider");
        String api = "/api/v1/workspaces/" + ws.id();
        for (String path : List.of(api + "/currency", api + "/members/" + analyst.id())) {
            expect(outsider.api().send("PUT", path, "{not json"), 404);
            expect(analyst.api().send("PUT", path, "{not json"), 403);
        }
        // the members form without a user: the role is refused before the missing field is
        expect(analyst.api().postForm("/workspaces/" + ws.id() + "/members", "role=ADMIN", true), 403);
    }

    private static final String[] COUNT = {StatementCounter.HEADER, "1"};

    /** For a route whose only statement is the memoized access check: its transaction entered the tenant context. */
    private static void entersTheTenantContext(int status, Supplier<ApiClient.Response> send) {
        ApiClient.Response response = send.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(StatementCounter.lastRequest()).anyMatch(sql -> sql.contains("set_config('tttools.workspace_id'"));
    }

    /** A page form redirects; the page it redirects to shows the flash notice saying what it did. */
    private static void shows(ApiClient client, String page, String notice) {
        assertThat(client.get(page).body()).contains(notice);
    }
}
