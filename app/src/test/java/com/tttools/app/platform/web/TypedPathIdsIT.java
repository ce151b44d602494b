package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ids that arrive in a path (or a form field, or the transfer body) as typed ids through the one converter
 * mechanism: a malformed invitation, member, workspace, alert-rule or alert id names nothing, so it answers 404
 * like an unknown id, on the API (as a problem naming what was not found) and on pages, even for a caller who may
 * act on the tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedPathIdsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    private Tenants.User owner;
    private String org;
    private String ws;

    @BeforeAll
    void tenant() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.Workspace workspace = tenants.ownedWorkspace("typed-ids", "Typed ids workspace");
        owner = workspace.owner();
        org = workspace.orgId();
        ws = workspace.id();
    }

    @Test
    void malformedIdsOnTheApiAnswer404NamingWhatWasNotFound() {
        notFound(owner.api().delete("/api/v1/organizations/" + org + "/invitations/zzz"), "Invitation not found.");
        notFound(owner.api().post("/api/v1/organizations/" + org + "/invitations/1-1-1-1-1/resend", Map.of()),
                "Invitation not found.");
        notFound(owner.api().post("/api/v1/organizations/" + org + "/transfer-ownership", Map.of("userId", "zzz")),
                "Member not found.");
        notFound(owner.api().put("/api/v1/workspaces/" + ws + "/alert-rules/zzz", Map.of()), "Alert rule not found.");
        notFound(owner.api().delete("/api/v1/workspaces/" + ws + "/alert-rules/12345"), "Alert rule not found.");
        // well-formed ids that name nothing answer the same
        notFound(owner.api().delete("/api/v1/organizations/" + org + "/invitations/" + UUID.randomUUID()),
                "Invitation not found.");
        notFound(owner.api().delete("/api/v1/workspaces/" + ws + "/alert-rules/" + UUID.randomUUID()),
                "Alert rule not found.");
    }

    @Test
    void malformedIdsOnPagesAnswer404() {
        page("/organizations/" + org + "/invitations/zzz/revoke", "");
        page("/organizations/" + org + "/invitations/zzz/resend", "");
        page("/organizations/" + org + "/transfer-ownership", "userId=zzz");
        page("/workspaces/" + ws + "/members", "userId=zzz&role=ANALYST");
        page("/switch-workspace", "workspaceId=zzz&next=/app");
        page("/workspaces/" + ws + "/alerts/rules/zzz/delete", "");
        page("/workspaces/" + ws + "/alerts/firings/zzz/acknowledge", "");
        page("/workspaces/" + ws + "/alerts/firings/" + UUID.randomUUID() + "/acknowledge", "");
    }

    private static void notFound(ApiClient.Response response, String detail) {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("\"detail\":\"" + detail + "\"");
    }

    private void page(String path, String form) {
        assertThat(owner.api().postForm(path, form, true).status()).as(path).isEqualTo(404);
    }
}
