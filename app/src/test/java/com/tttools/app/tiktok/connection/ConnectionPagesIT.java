package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Tenants;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connections page: empty state, simulator note, the Connect button's redirect, Check now and Disconnect. */
class ConnectionPagesIT extends ConnectionTestSupport {

    @Test
    void theConnectionsPageWalksFromEmptyThroughConnectToDisconnect() {
        Admin admin = admin("page");
        String page = "/workspaces/" + admin.workspaceId() + "/connections";

        ApiClient.Response empty = admin.api().get(page);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Connect your TikTok for Business account")
                .contains("id=\"simulator-note\"").contains("id=\"connect-tiktok\"");
        assertThat(admin.api().get("/workspaces/" + admin.workspaceId()).body())
                .as("linked from the workspace page").contains(page);

        ApiClient.Response button = admin.api().post(page + "/tiktok", null);
        assertThat(button.status()).isEqualTo(302);
        URI authorization = URI.create(button.header("Location").orElseThrow());
        assertThat(authorization.getPath()).isEqualTo("/tiktok-sim/portal/auth");
        assertThat(callback(admin.api(), consentAutoApproved(authorization)).status()).isEqualTo(302);

        String id = list(admin).get("items").get(0).get("id").asString();
        ApiClient.Response connected = admin.api().get(page);
        assertThat(connected.body()).contains("ACTIVE").contains("Reporting").contains("Check now")
                .contains("Disconnect").doesNotContain("Connect your TikTok for Business account");

        assertThat(admin.api().post(page + "/" + id + "/check", null).status()).isEqualTo(302);
        assertThat(admin.api().get(page).body()).contains("Checked the connection: Active.");

        assertThat(admin.api().post(page + "/" + id + "/disconnect", null).status()).isEqualTo(302);
        assertThat(admin.api().get(page).body()).contains("DISCONNECTED").contains("Disconnected.");
    }

    @Test
    void theDisconnectFormOffersToDeleteTheSyncedDataWithALabelAndAnExplanation() {
        Admin admin = admin("page-delete-data");
        String id = connect(admin);

        String body = admin.api().get("/workspaces/" + admin.workspaceId() + "/connections").body();

        String box = "delete-data-" + id;
        assertThat(body).contains("type=\"checkbox\" name=\"deleteData\" value=\"true\"")
                .contains("id=\"" + box + "\"")
                .contains("<label for=\"" + box + "\">Also delete its synced data (assets and reports)</label>")
                .contains("aria-describedby=\"delete-data-help-" + id + "\"")
                .contains("reports for this connection's advertisers will be gone");
        String form = body.substring(body.lastIndexOf("<form", body.indexOf(box)), body.indexOf("</form>",
                body.indexOf(box)));
        assertThat(form).as("inside the disconnect form").contains("/connections/" + id + "/disconnect");
    }

    @Test
    void analystsSeeTheListButNoButtons() {
        Admin admin = admin("page-analyst");
        connect(admin);
        Tenants tenants = tenants();
        Tenants.User analyst = tenants.member(admin.user(), admin.orgId(), "page-analyst-member", "MEMBER",
                List.of(Map.of("workspaceId", admin.workspaceId(), "role", "ANALYST")));

        ApiClient.Response page = analyst.api().get("/workspaces/" + admin.workspaceId() + "/connections");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ACTIVE").doesNotContain("id=\"connect-tiktok\"")
                .doesNotContain("Check now").doesNotContain(">Disconnect<");
        assertThat(analyst.api().post("/api/v1/workspaces/" + admin.workspaceId() + "/connections/tiktok", null)
                .status()).isEqualTo(403);
    }
}
