package com.tttools.app.tenancy;

import com.tttools.app.support.Tenants;
import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import com.tttools.app.support.Tenants.User;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation for every route the application maps. Routes are discovered from the handler mappings and
 * each must have a row in {@link #RULES} (tenant-scoped, with the actors the permission matrix allows) or match
 * a public/self prefix; an unclassified route fails the build. Every tenant-scoped route is then called
 * (a) as the owner of another organization, with tenant A's real ids: 404 and none of A's ids or names in the
 * body; (b) as each role of tenant A: success where docs/permissions.md says yes, 403 where it says no (404
 * where the actor cannot see the workspace at all); (c) both again with personal access tokens; (d) anonymously.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT extends IntegrationTest {

    enum Actor { OWNER, ORG_ADMIN, WS_ADMIN, OPERATOR, ANALYST, ORG_MEMBER }

    static final Set<Actor> ALL = EnumSet.allOf(Actor.class);
    static final Set<Actor> IN_WORKSPACE = EnumSet.of(Actor.OWNER, Actor.ORG_ADMIN, Actor.WS_ADMIN, Actor.OPERATOR,
            Actor.ANALYST);
    static final Set<Actor> ORG_ADMINS = EnumSet.of(Actor.OWNER, Actor.ORG_ADMIN);
    static final Set<Actor> WS_ADMINS = EnumSet.of(Actor.OWNER, Actor.ORG_ADMIN, Actor.WS_ADMIN);
    static final Set<Actor> OWNERS = EnumSet.of(Actor.OWNER);
    static final Set<Actor> OPERATORS = EnumSet.of(Actor.OWNER, Actor.ORG_ADMIN, Actor.WS_ADMIN, Actor.OPERATOR);

    enum Scope { ORGANIZATION, WORKSPACE }

    /**
     * One request: method, path (query parameters carry page form fields), JSON body or null; method {@code FORM}
     * is a page form's POST with its url-encoded body.
     */
    record Call(String method, String path, Object body) {
    }

    /**
     * A tenant-scoped route: who may call it, who cannot even see its target (→ 404), and how to build a call
     * for an actor (a fresh target where the call consumes it). {@code visible} defaults per scope.
     */
    record Rule(Scope scope, Set<Actor> allowed, Set<Actor> hidden, BiFunction<TenantIsolationIT, Actor, Call> call) {

        static Rule org(Set<Actor> allowed, BiFunction<TenantIsolationIT, Actor, Call> call) {
            return new Rule(Scope.ORGANIZATION, allowed, Set.of(), call);
        }

        static Rule workspace(Set<Actor> allowed, BiFunction<TenantIsolationIT, Actor, Call> call) {
            return new Rule(Scope.WORKSPACE, allowed, EnumSet.complementOf(EnumSet.copyOf(IN_WORKSPACE)), call);
        }

        Rule hiding(Set<Actor> more) {
            Set<Actor> all = EnumSet.noneOf(Actor.class);
            all.addAll(hidden);
            all.addAll(more);
            return new Rule(scope, allowed, all, call);
        }
    }

    /** Routes anyone may call, or that act on the caller's own account only (no tenant in them). */
    static final List<String> PUBLIC_PREFIXES = List.of("GET /", "GET /error", "POST /error", "PUT /error",
            "PATCH /error", "DELETE /error", "* /error", "* /api/v1/auth/", "GET /v3/api-docs", "GET /swagger-ui",
            "GET /invitations/{token}", "GET /dev/mailbox", "* /login", "* /signup", "* /forgot-password",
            "* /reset-password", "* /verify-email", "POST /logout", "GET /privacy", "GET /terms",
            "POST /webhooks/resend", "POST /webhooks/postmark", "POST /webhooks/telegram");
    static final List<String> SELF_PREFIXES = List.of("* /api/v1/me", "POST /api/v1/organizations",
            "POST /api/v1/invitations/{token}/accept", "POST /invitations/{token}/accept", "* /onboarding",
            "GET /app", "* /account", "GET /oauth/tiktok/callback");

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        String org = "/api/v1/organizations/";
        String ws = "/api/v1/workspaces/";
        RULES.put("GET /api/v1/organizations/{orgId}", Rule.org(ALL, (t, a) -> get(org + t.orgA)));
        RULES.put("POST /api/v1/workspaces/{wsId}/report-views", Rule.workspace(IN_WORKSPACE,
                (t, a) -> new Call("POST", ws + t.wsA + "/report-views", Map.of("name", "Isolation view",
                        "visibility", "PRIVATE", "query", Map.of("level", "CAMPAIGN", "from", "2026-01-01", "to", "2026-01-31")))));
        RULES.put("GET /api/v1/workspaces/{wsId}/report-views", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/report-views")));
        RULES.put("DELETE /api/v1/workspaces/{wsId}/report-views/{id}", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("DELETE", ws + t.wsA + "/report-views/" + t.freshSharedReportView(), null))
                .hiding(EnumSet.of(Actor.OPERATOR, Actor.ANALYST)));
        RULES.put("GET /api/v1/workspaces/{wsId}/reports/finality", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/reports/finality?from=2026-01-01&to=2026-01-31")));
        RULES.put("GET /api/v1/workspaces/{wsId}/reports", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/reports?level=CAMPAIGN&from=2026-01-01&to=2026-01-31")));
        RULES.put("GET /api/v1/workspaces/{wsId}/reports.csv", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/reports.csv?level=CAMPAIGN&from=2026-01-01&to=2026-01-31")));
        RULES.put("GET /api/v1/organizations/{orgId}/security-events", Rule.org(ORG_ADMINS,
                (t, a) -> get(org + t.orgA + "/security-events")));
        RULES.put("GET /api/v1/organizations/{orgId}/audit-events", Rule.org(WS_ADMINS,
                (t, a) -> get(org + t.orgA + "/audit-events")));
        RULES.put("GET /api/v1/organizations/{orgId}/audit-events.csv", Rule.org(WS_ADMINS,
                (t, a) -> get(org + t.orgA + "/audit-events.csv")));
        RULES.put("GET /api/v1/organizations/{orgId}/audit-events/verification", Rule.org(ORG_ADMINS,
                (t, a) -> get(org + t.orgA + "/audit-events/verification")).hiding(EnumSet.of(Actor.WS_ADMIN)));
        RULES.put("DELETE /api/v1/organizations/{orgId}", Rule.org(OWNERS, (t, a) -> a == Actor.OWNER
                ? t.throwawayOrganizationDeletion() : new Call("DELETE", org + t.orgA, Map.of("confirmName", t.orgAName))));
        RULES.put("POST /api/v1/organizations/{orgId}/transfer-ownership", Rule.org(OWNERS,
                (t, a) -> new Call("POST", org + t.orgA + "/transfer-ownership", Map.of("userId", t.target.id()))));
        RULES.put("POST /api/v1/organizations/{orgId}/leave", Rule.org(ALL, (t, a) -> {
            t.makeTargetASecondOwner();   // the last owner may not leave (that is a 409, tested elsewhere)
            return new Call("POST", org + t.orgA + "/leave", null);
        }));
        RULES.put("GET /api/v1/organizations/{orgId}/retention", Rule.org(ORG_ADMINS,
                (t, a) -> get(org + t.orgA + "/retention")));
        RULES.put("PUT /api/v1/organizations/{orgId}/retention", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("PUT", org + t.orgA + "/retention",
                        Map.of("classes", List.of(Map.of("dataClass", "report_facts", "days", 761))))));
        RULES.put("GET /api/v1/organizations/{orgId}/members", Rule.org(ALL, (t, a) -> get(org + t.orgA + "/members")));
        RULES.put("PATCH /api/v1/organizations/{orgId}/members/{userId}", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("PATCH", org + t.orgA + "/members/" + t.target.id(), Map.of("role", "ADMIN"))));
        RULES.put("DELETE /api/v1/organizations/{orgId}/members/{userId}", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("DELETE", org + t.orgA + "/members/" + t.target.id(), null)));
        RULES.put("POST /api/v1/organizations/{orgId}/invitations", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("POST", org + t.orgA + "/invitations",
                        Map.of("email", Users.uniqueEmail("invitee"), "role", "MEMBER"))));
        RULES.put("GET /api/v1/organizations/{orgId}/invitations", Rule.org(ORG_ADMINS,
                (t, a) -> get(org + t.orgA + "/invitations")));
        RULES.put("DELETE /api/v1/organizations/{orgId}/invitations/{id}", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("DELETE", org + t.orgA + "/invitations/" + t.freshInvitation(), null)));
        RULES.put("POST /api/v1/organizations/{orgId}/invitations/{id}/resend", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("POST", org + t.orgA + "/invitations/" + t.freshInvitation() + "/resend", null)));
        RULES.put("POST /api/v1/organizations/{orgId}/workspaces", Rule.org(ORG_ADMINS,
                (t, a) -> new Call("POST", org + t.orgA + "/workspaces", Map.of("name", "Extra " + a))));
        RULES.put("GET /api/v1/organizations/{orgId}/workspaces", Rule.org(ALL, (t, a) -> get(org + t.orgA + "/workspaces")));
        RULES.put("GET /api/v1/organizations/{orgId}/deleted-workspaces", Rule.org(ORG_ADMINS,
                (t, a) -> get(org + t.orgA + "/deleted-workspaces")));
        RULES.put("GET /api/v1/workspaces/{wsId}", Rule.workspace(IN_WORKSPACE, (t, a) -> get(ws + t.wsA)));
        RULES.put("DELETE /api/v1/workspaces/{wsId}", Rule.workspace(ORG_ADMINS,
                (t, a) -> new Call("DELETE", ws + t.wsA, null)));
        RULES.put("POST /api/v1/workspaces/{wsId}/restore", Rule.workspace(ORG_ADMINS, (t, a) -> {
            t.softDeleteWorkspaceA();
            return new Call("POST", ws + t.wsA + "/restore", null);
        }).hiding(EnumSet.of(Actor.WS_ADMIN, Actor.OPERATOR, Actor.ANALYST)));
        RULES.put("POST /api/v1/workspaces/{wsId}/switch", Rule.workspace(IN_WORKSPACE,
                (t, a) -> new Call("POST", ws + t.wsA + "/switch", null)));
        RULES.put("GET /api/v1/workspaces/{wsId}/members", Rule.workspace(IN_WORKSPACE, (t, a) -> get(ws + t.wsA + "/members")));
        RULES.put("PUT /api/v1/workspaces/{wsId}/members/{userId}", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("PUT", ws + t.wsA + "/members/" + t.target.id(), Map.of("role", "OPERATOR"))));
        RULES.put("PUT /api/v1/workspaces/{wsId}/currency", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("PUT", ws + t.wsA + "/currency", Map.of("currency", "EUR"))));
        RULES.put("DELETE /api/v1/workspaces/{wsId}/members/{userId}", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("DELETE", ws + t.wsA + "/members/" + t.target.id(), null)));

        // alert rules (notifications.alerts): everyone who sees reports reads them, operators and admins write them
        RULES.put("GET /api/v1/workspaces/{wsId}/alert-rules", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/alert-rules")));
        RULES.put("POST /api/v1/workspaces/{wsId}/alert-rules", Rule.workspace(OPERATORS,
                (t, a) -> new Call("POST", ws + t.wsA + "/alert-rules", alertRule())));
        RULES.put("PUT /api/v1/workspaces/{wsId}/alert-rules/{id}", Rule.workspace(OPERATORS,
                (t, a) -> new Call("PUT", ws + t.wsA + "/alert-rules/" + t.freshAlertRule(), alertRule())));
        RULES.put("DELETE /api/v1/workspaces/{wsId}/alert-rules/{id}", Rule.workspace(OPERATORS,
                (t, a) -> new Call("DELETE", ws + t.wsA + "/alert-rules/" + t.freshAlertRule(), null)));
        RULES.put("POST /api/v1/workspaces/{wsId}/alert-rules/backtest", Rule.workspace(OPERATORS,
                (t, a) -> new Call("POST", ws + t.wsA + "/alert-rules/backtest", alertRule())));

        // inventory and jobs
        RULES.put("GET /api/v1/workspaces/{wsId}/{collection}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/campaigns")));
        RULES.put("GET /api/v1/workspaces/{wsId}/{collection}/{id}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/campaigns/" + t.inventoryEntity())));
        RULES.put("GET /api/v1/workspaces/{wsId}/jobs", Rule.workspace(IN_WORKSPACE, (t, a) -> get(ws + t.wsA + "/jobs")));
        RULES.put("GET /api/v1/workspaces/{wsId}/jobs/{jobId}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/jobs/" + t.queuedJob())));
        RULES.put("POST /api/v1/workspaces/{wsId}/jobs/{jobId}/cancel", Rule.workspace(OPERATORS,
                (t, a) -> post(ws + t.wsA + "/jobs/" + t.queuedJob() + "/cancel")));

        // notifications: the delivery log is for workspace admins
        RULES.put("GET /api/v1/workspaces/{wsId}/deliveries", Rule.workspace(WS_ADMINS,
                (t, a) -> get(ws + t.wsA + "/deliveries")));
        RULES.put("POST /api/v1/workspaces/{wsId}/deliveries/{id}/retry", Rule.workspace(WS_ADMINS,
                (t, a) -> post(ws + t.wsA + "/deliveries/" + t.failedDelivery() + "/retry")));

        // privacy: organization exports are for owners only (personal exports live under /api/v1/me)
        RULES.put("POST /api/v1/organizations/{orgId}/exports", Rule.org(OWNERS,
                (t, a) -> post(org + t.orgA + "/exports")));
        RULES.put("GET /api/v1/organizations/{orgId}/exports/{id}", Rule.org(OWNERS,
                (t, a) -> get(org + t.orgA + "/exports/" + t.organizationExport(false))));
        RULES.put("GET /api/v1/organizations/{orgId}/exports/{id}/download", Rule.org(OWNERS,
                (t, a) -> get(org + t.orgA + "/exports/" + t.organizationExport(true) + "/download")));

        // pages: the same checks through the HTML controllers (form fields as query parameters)
        String page = "/organizations/";
        RULES.put("GET /organizations/{orgId}", Rule.org(ALL, (t, a) -> get(page + t.orgA)));
        RULES.put("GET /workspaces/{wsId}/deliveries", Rule.workspace(WS_ADMINS,
                (t, a) -> get("/workspaces/" + t.wsA + "/deliveries")));
        RULES.put("POST /workspaces/{wsId}/deliveries/{id}/retry", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/deliveries/" + t.failedDelivery() + "/retry")));
        RULES.put("GET /workspaces/{wsId}/reports", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/reports")));
        RULES.put("GET /workspaces/{wsId}/reports/sections", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/reports/sections")));
        RULES.put("POST /workspaces/{wsId}/reports/views", Rule.workspace(IN_WORKSPACE,
                (t, a) -> post("/workspaces/" + t.wsA + "/reports/views?name=Page+view&query="
                        + java.net.URLEncoder.encode("{\"level\":\"CAMPAIGN\",\"preset\":\"last7\"}",
                                java.nio.charset.StandardCharsets.UTF_8))));
        RULES.put("POST /workspaces/{wsId}/reports/views/{id}/delete", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/reports/views/" + t.freshSharedReportView() + "/delete"))
                .hiding(EnumSet.of(Actor.OPERATOR, Actor.ANALYST)));
        RULES.put("GET /organizations/{orgId}/audit", Rule.org(WS_ADMINS, (t, a) -> get(page + t.orgA + "/audit")));
        RULES.put("POST /organizations/{orgId}/audit/verify", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/audit/verify")).hiding(EnumSet.of(Actor.WS_ADMIN)));
        // the invitee's address in the form's body: the page refuses it in the URL (request lines print URLs)
        RULES.put("POST /organizations/{orgId}/invitations", Rule.org(ORG_ADMINS, (t, a) -> new Call("FORM",
                page + t.orgA + "/invitations", "role=MEMBER&email="
                        + java.net.URLEncoder.encode(Users.uniqueEmail("page-invitee"), java.nio.charset.StandardCharsets.UTF_8))));
        RULES.put("POST /organizations/{orgId}/invitations/{id}/revoke", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/invitations/" + t.freshInvitation() + "/revoke")));
        RULES.put("POST /organizations/{orgId}/invitations/{id}/resend", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/invitations/" + t.freshInvitation() + "/resend")));
        RULES.put("POST /organizations/{orgId}/members/{userId}/role", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/members/" + t.target.id() + "/role?role=ADMIN")));
        RULES.put("POST /organizations/{orgId}/members/{userId}/remove", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/members/" + t.target.id() + "/remove")));
        RULES.put("POST /organizations/{orgId}/leave", Rule.org(ALL, (t, a) -> {
            t.makeTargetASecondOwner();
            return post(page + t.orgA + "/leave");
        }));
        RULES.put("POST /organizations/{orgId}/transfer-ownership", Rule.org(OWNERS,
                (t, a) -> post(page + t.orgA + "/transfer-ownership?userId=" + t.target.id())));
        RULES.put("POST /organizations/{orgId}/delete", Rule.org(OWNERS, (t, a) -> {
            Call api = a == Actor.OWNER ? t.throwawayOrganizationDeletion()
                    : new Call("DELETE", org + t.orgA, Map.of("confirmName", t.orgAName));
            @SuppressWarnings("unchecked")
            String name = ((Map<String, String>) api.body()).get("confirmName");
            return post(api.path().replace("/api/v1", "") + "/delete?confirmName="
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        }));
        RULES.put("GET /organizations/{orgId}/retention", Rule.org(ORG_ADMINS, (t, a) -> get(page + t.orgA + "/retention")));
        RULES.put("POST /organizations/{orgId}/retention", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/retention?report_facts=761")));
        // the organization data page: the same owners-only rule as /api/v1/organizations/{orgId}/exports
        RULES.put("GET /organizations/{orgId}/data", Rule.org(OWNERS, (t, a) -> get(page + t.orgA + "/data")));
        RULES.put("POST /organizations/{orgId}/data/exports", Rule.org(OWNERS,
                (t, a) -> post(page + t.orgA + "/data/exports")));
        RULES.put("GET /organizations/{orgId}/data/exports/{id}", Rule.org(OWNERS,
                (t, a) -> get(page + t.orgA + "/data/exports/" + t.organizationExport(false))));
        RULES.put("GET /organizations/{orgId}/data/exports/{id}/download", Rule.org(OWNERS,
                (t, a) -> get(page + t.orgA + "/data/exports/" + t.organizationExport(true) + "/download")));
        RULES.put("GET /organizations/{orgId}/workspaces", Rule.org(ALL, (t, a) -> get(page + t.orgA + "/workspaces")));
        RULES.put("POST /organizations/{orgId}/workspaces", Rule.org(ORG_ADMINS,
                (t, a) -> post(page + t.orgA + "/workspaces?name=Page+workspace")));
        RULES.put("GET /workspaces/{wsId}", Rule.workspace(IN_WORKSPACE, (t, a) -> get("/workspaces/" + t.wsA)));
        RULES.put("GET /workspaces/{wsId}/home/overview", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/home/overview")));
        RULES.put("GET /workspaces/{wsId}/home/checklist", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/home/checklist")));
        RULES.put("GET /workspaces/{wsId}/settings", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/settings")));
        RULES.put("POST /workspaces/{wsId}/settings/currency", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/settings/currency?currency=EUR")));
        RULES.put("GET /workspaces/{wsId}/settings/exchange-rates", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/settings/exchange-rates")));
        RULES.put("POST /workspaces/{wsId}/settings/exchange-rates", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/settings/exchange-rates?currency=USD&date=2026-01-02&perEur=1.1")));
        RULES.put("POST /workspaces/{wsId}/settings/exchange-rates/delete", Rule.workspace(WS_ADMINS, (t, a) -> {
            t.freshWorkspaceRate();
            return post("/workspaces/" + t.wsA + "/settings/exchange-rates/delete?currency=JPY&date=2026-01-03");
        }));
        RULES.put("POST /workspaces/{wsId}/members", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/members?role=OPERATOR&userId=" + t.target.id())));
        RULES.put("POST /workspaces/{wsId}/members/{userId}/remove", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/members/" + t.target.id() + "/remove")));
        RULES.put("POST /workspaces/{wsId}/delete", Rule.workspace(ORG_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/delete")));
        RULES.put("POST /workspaces/{wsId}/restore", Rule.workspace(ORG_ADMINS, (t, a) -> {
            t.softDeleteWorkspaceA();
            return post("/workspaces/" + t.wsA + "/restore");
        }).hiding(EnumSet.of(Actor.WS_ADMIN, Actor.OPERATOR, Actor.ANALYST)));
        RULES.put("GET /workspaces/{wsId}/alerts", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/alerts")));
        RULES.put("POST /workspaces/{wsId}/alerts/rules", Rule.workspace(OPERATORS,
                (t, a) -> post("/workspaces/" + t.wsA + "/alerts/rules?name=Page+rule&kind=SPEND_TODAY&level=CAMPAIGN&threshold=5")));
        RULES.put("POST /workspaces/{wsId}/alerts/backtest", Rule.workspace(OPERATORS,
                (t, a) -> post("/workspaces/" + t.wsA + "/alerts/backtest?name=Page+rule&kind=SPEND_TODAY&level=CAMPAIGN&threshold=5")));
        RULES.put("POST /workspaces/{wsId}/alerts/rules/{id}/delete", Rule.workspace(OPERATORS,
                (t, a) -> post("/workspaces/" + t.wsA + "/alerts/rules/" + t.freshAlertRule() + "/delete")));
        RULES.put("POST /workspaces/{wsId}/alerts/firings/{id}/acknowledge", Rule.workspace(IN_WORKSPACE,
                (t, a) -> post("/workspaces/" + t.wsA + "/alerts/firings/" + t.freshAlertFiring() + "/acknowledge")));
        RULES.put("GET /workspaces/{wsId}/inventory", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/inventory")));
        RULES.put("GET /workspaces/{wsId}/inventory/{collection}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/inventory/campaigns")));
        RULES.put("GET /workspaces/{wsId}/inventory/{collection}/{id}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/inventory/campaigns/" + t.inventoryEntity())));
        RULES.put("GET /workspaces/{wsId}/jobs", Rule.workspace(IN_WORKSPACE, (t, a) -> get("/workspaces/" + t.wsA + "/jobs")));
        RULES.put("GET /workspaces/{wsId}/jobs/{jobId}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/jobs/" + t.queuedJob())));
        RULES.put("POST /workspaces/{wsId}/jobs/{jobId}/cancel", Rule.workspace(OPERATORS,
                (t, a) -> post("/workspaces/" + t.wsA + "/jobs/" + t.queuedJob() + "/cancel")));
        RULES.put("GET /workspaces/{wsId}/jobs/{jobId}/progress", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/jobs/" + t.queuedJob() + "/progress")));
        RULES.put("POST /switch-workspace", Rule.workspace(IN_WORKSPACE,
                (t, a) -> post("/switch-workspace?workspaceId=" + t.wsA)));

        // TikTok connections (api.md "TikTok connections and jobs"): connect/disconnect ADMIN, check/sync OPERATOR+
        Set<Actor> operators = EnumSet.of(Actor.OWNER, Actor.ORG_ADMIN, Actor.WS_ADMIN, Actor.OPERATOR);
        RULES.put("POST /api/v1/workspaces/{wsId}/connections/tiktok", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("POST", ws + t.wsA + "/connections/tiktok", null)));
        RULES.put("GET /api/v1/workspaces/{wsId}/connections", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/connections")));
        RULES.put("GET /api/v1/workspaces/{wsId}/connections/{id}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/connections/" + t.connectionA())));
        RULES.put("POST /api/v1/workspaces/{wsId}/connections/{id}/check", Rule.workspace(operators,
                (t, a) -> new Call("POST", ws + t.wsA + "/connections/" + t.connectionA() + "/check", null)));
        RULES.put("POST /api/v1/workspaces/{wsId}/connections/{id}/sync", Rule.workspace(operators,
                (t, a) -> new Call("POST", ws + t.wsA + "/connections/" + t.connectionA() + "/sync",
                        Map.of("kind", "ASSETS"))));
        RULES.put("DELETE /api/v1/workspaces/{wsId}/connections/{id}", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("DELETE", ws + t.wsA + "/connections/" + t.freshConnection(), null)));
        RULES.put("GET /workspaces/{wsId}/connections", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get("/workspaces/" + t.wsA + "/connections")));
        RULES.put("POST /workspaces/{wsId}/connections/tiktok", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/connections/tiktok")));
        RULES.put("POST /workspaces/{wsId}/connections/{id}/check", Rule.workspace(operators,
                (t, a) -> post("/workspaces/" + t.wsA + "/connections/" + t.connectionA() + "/check")));
        RULES.put("POST /workspaces/{wsId}/connections/{id}/sync", Rule.workspace(operators,
                (t, a) -> post("/workspaces/" + t.wsA + "/connections/" + t.connectionA() + "/sync?kind=ASSETS")));
        RULES.put("POST /workspaces/{wsId}/connections/{id}/remove", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/connections/" + t.freshDisconnectedConnection() + "/remove")));
        RULES.put("POST /workspaces/{wsId}/connections/{id}/disconnect", Rule.workspace(WS_ADMINS,
                (t, a) -> post("/workspaces/" + t.wsA + "/connections/" + t.freshConnection() + "/disconnect")));
        // bulk change sets (docs/bulk-operations.md): plan/apply/cancel/revert OPERATOR+, approve/reject/policy ADMIN
        String bulk = "/bulk-operations";
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations", Rule.workspace(operators,
                (t, a) -> new Call("POST", ws + t.wsA + bulk, Map.of("action", "PAUSE", "level", "CAMPAIGN",
                        "targets", List.of(t.bulkTarget().campaignId())))));
        RULES.put("GET /api/v1/workspaces/{wsId}/bulk-operations", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + bulk)));
        RULES.put("GET /api/v1/workspaces/{wsId}/bulk-operations/{id}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL"))));
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations/{id}/approve", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("POST", ws + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/approve",
                        Map.of("comment", "ok"))));
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations/{id}/reject", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("POST", ws + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/reject",
                        Map.of("reason", "no"))));
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations/{id}/apply", Rule.workspace(operators,
                (t, a) -> post(ws + t.wsA + bulk + "/" + t.changeSet("APPROVED") + "/apply")));
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations/{id}/cancel", Rule.workspace(operators,
                (t, a) -> post(ws + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/cancel")));
        RULES.put("POST /api/v1/workspaces/{wsId}/bulk-operations/{id}/revert", Rule.workspace(operators,
                (t, a) -> post(ws + t.wsA + bulk + "/" + t.appliedChangeSet() + "/revert")));
        RULES.put("GET /api/v1/workspaces/{wsId}/bulk-policy", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(ws + t.wsA + "/bulk-policy")));
        RULES.put("PUT /api/v1/workspaces/{wsId}/bulk-policy", Rule.workspace(WS_ADMINS,
                (t, a) -> new Call("PUT", ws + t.wsA + "/bulk-policy", Map.of("approval", "ALWAYS"))));
        String pages = "/workspaces/";
        RULES.put("GET /workspaces/{wsId}/bulk-operations", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(pages + t.wsA + bulk)));
        RULES.put("GET /workspaces/{wsId}/bulk-operations/new", Rule.workspace(operators,
                (t, a) -> get(pages + t.wsA + bulk + "/new?level=CAMPAIGN")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations", Rule.workspace(operators,
                (t, a) -> post(pages + t.wsA + bulk + "?action=PAUSE&level=CAMPAIGN&ids=" + t.bulkTarget().campaignId())));
        RULES.put("GET /workspaces/{wsId}/bulk-operations/{id}", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(pages + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL"))));
        RULES.put("GET /workspaces/{wsId}/bulk-operations/{id}/progress", Rule.workspace(IN_WORKSPACE,
                (t, a) -> get(pages + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/progress")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations/{id}/approve", Rule.workspace(WS_ADMINS,
                (t, a) -> post(pages + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/approve")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations/{id}/reject", Rule.workspace(WS_ADMINS,
                (t, a) -> post(pages + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/reject?reason=no")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations/{id}/apply", Rule.workspace(operators,
                (t, a) -> post(pages + t.wsA + bulk + "/" + t.changeSet("APPROVED") + "/apply")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations/{id}/cancel", Rule.workspace(operators,
                (t, a) -> post(pages + t.wsA + bulk + "/" + t.changeSet("AWAITING_APPROVAL") + "/cancel")));
        RULES.put("POST /workspaces/{wsId}/bulk-operations/{id}/revert", Rule.workspace(operators,
                (t, a) -> post(pages + t.wsA + bulk + "/" + t.appliedChangeSet() + "/revert")));
        RULES.put("GET /workspaces/{wsId}/bulk-policy", Rule.workspace(WS_ADMINS,
                (t, a) -> get(pages + t.wsA + "/bulk-policy")));
        RULES.put("POST /workspaces/{wsId}/bulk-policy", Rule.workspace(WS_ADMINS,
                (t, a) -> post(pages + t.wsA + "/bulk-policy?approval=ALWAYS")));
    }


    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("tiktokSimulator")
    org.springframework.boot.web.servlet.ServletRegistrationBean<org.springframework.web.servlet.DispatcherServlet> simulatorRegistration;
    @Autowired
    com.tttools.app.tiktok.tokens.TikTokTokenStore tokenStore;

    Tenants tenants;
    String orgA;
    String orgAName;
    String wsA;
    String wsAName;
    User target;
    final Map<Actor, User> actors = new EnumMap<>(Actor.class);
    User outsider;
    String outsiderOrg;
    List<Object[]> memberSnapshot;
    List<Object[]> workspaceMemberSnapshot;

    @BeforeAll
    void createTenants() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        User owner = tenants.verifiedUser("owner-a");
        orgAName = "Tenant A Org " + marker;
        orgA = tenants.createOrganization(owner, orgAName);
        wsAName = "Tenant A Brand " + marker;
        wsA = tenants.createWorkspace(owner, orgA, wsAName);
        actors.put(Actor.OWNER, owner);
        actors.put(Actor.ORG_ADMIN, tenants.member(owner, orgA, "org-admin-a", "ADMIN", List.of()));
        actors.put(Actor.WS_ADMIN, tenants.member(owner, orgA, "ws-admin-a", "MEMBER", grant("ADMIN")));
        actors.put(Actor.OPERATOR, tenants.member(owner, orgA, "operator-a", "MEMBER", grant("OPERATOR")));
        actors.put(Actor.ANALYST, tenants.member(owner, orgA, "analyst-a", "MEMBER", grant("ANALYST")));
        actors.put(Actor.ORG_MEMBER, tenants.member(owner, orgA, "member-a", "MEMBER", List.of()));
        target = tenants.member(owner, orgA, "target-a", "MEMBER", grant("ANALYST"));
        outsider = tenants.verifiedUser("owner-b");
        outsiderOrg = tenants.createOrganization(outsider, "Tenant B Org " + marker);
        tenants.createWorkspace(outsider, outsiderOrg, "Tenant B Brand " + marker);
        memberSnapshot = jdbc.sql("select organization_id, user_id, role, joined_at from organization_members where organization_id = :org")
                .param("org", UUID.fromString(orgA)).query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2),
                        rs.getString(3), rs.getTimestamp(4)}).list();
        workspaceMemberSnapshot = jdbc.sql("select workspace_id, organization_id, user_id, role, added_at from workspace_members where organization_id = :org")
                .param("org", UUID.fromString(orgA)).query((rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2),
                        rs.getObject(3), rs.getString(4), rs.getTimestamp(5)}).list();
    }

    private List<Map<String, String>> grant(String role) {
        return List.of(Map.of("workspaceId", wsA, "role", role));
    }

    @Test
    void everyRouteIsClassifiedAndEveryTenantRouteIsIsolatedAndFollowsThePermissionMatrix() {
        Map<String, Rule> covered = classifyEveryRoute();
        List<String> mismatches = new ArrayList<>();
        for (var route : covered.entrySet()) {
            Rule rule = route.getValue();
            checkOutsider(route.getKey(), rule, outsider.api(), "session", mismatches);
            for (Actor actor : Actor.values()) {
                checkActor(route.getKey(), rule, actor, actors.get(actor).api(), "session", mismatches);
            }
        }
        assertThat(mismatches).as("expected/actual mismatches").isEmpty();
    }

    @Test
    void anonymousCallersGet401OnTheApiAndTheLoginPageOtherwise() {
        List<String> mismatches = new ArrayList<>();
        for (var route : classifyEveryRoute().entrySet()) {
            Call call = route.getValue().call().apply(this, null);
            ApiClient.Response response = send(new ApiClient(port), call);
            boolean api = call.path().startsWith("/api/");
            boolean ok = api ? response.status() == 401
                    : response.status() == 302 && response.header("Location").orElse("").endsWith("/login");
            if (!ok) {
                mismatches.add("anonymous " + route.getKey() + ": got " + response.status());
            }
            restoreTenantA(call);
        }
        assertThat(mismatches).as("expected/actual mismatches").isEmpty();
    }

    @Test
    void personalAccessTokensGoThroughTheSameChecks() {
        Map<String, Rule> covered = classifyEveryRoute();
        ApiClient outsiderToken = new ApiClient(port).bearer(token(outsider));
        ApiClient analystToken = new ApiClient(port).bearer(token(actors.get(Actor.ANALYST)));
        ApiClient adminToken = new ApiClient(port).bearer(token(actors.get(Actor.ORG_ADMIN)));
        List<String> mismatches = new ArrayList<>();
        for (var route : covered.entrySet()) {
            if (!route.getKey().contains(" /api/")) {
                continue;   // bearer tokens are for the API only
            }
            checkOutsider(route.getKey(), route.getValue(), outsiderToken, "bearer", mismatches);
            checkActor(route.getKey(), route.getValue(), Actor.ANALYST, analystToken, "bearer", mismatches);
            checkActor(route.getKey(), route.getValue(), Actor.ORG_ADMIN, adminToken, "bearer", mismatches);
        }
        assertThat(mismatches).as("expected/actual mismatches").isEmpty();
    }

    private Map<String, Rule> classifyEveryRoute() {
        Map<String, Rule> tenantRoutes = new LinkedHashMap<>();
        Set<String> unclassified = new TreeSet<>();
        Set<String> listing = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    String route = method + " " + pattern;
                    Rule rule = RULES.get(route);
                    if (rule != null) {
                        tenantRoutes.put(route, rule);
                        listing.add(String.format("%-70s %s %s", route, rule.scope(), rule.allowed()));
                    } else if (matches(PUBLIC_PREFIXES, method, pattern)) {
                        listing.add(String.format("%-70s PUBLIC", route));
                    } else if (matches(SELF_PREFIXES, method, pattern)) {
                        listing.add(String.format("%-70s SELF", route));
                    } else {
                        unclassified.add(route);
                    }
                }
            }
        }
        System.out.println("Tenant isolation: " + listing.size() + " routes covered\n  " + String.join("\n  ", listing));
        assertThat(unclassified).as("routes without a row in TenantIsolationIT.RULES (classify them)").isEmpty();
        assertThat(RULES.keySet()).as("rules for routes that no longer exist").allMatch(tenantRoutes::containsKey);
        return tenantRoutes;
    }

    private static boolean matches(List<String> prefixes, String method, String pattern) {
        for (String prefix : prefixes) {
            String[] parts = prefix.split(" ", 2);
            boolean methodMatches = parts[0].equals("*") || parts[0].equals(method);
            boolean exact = parts[1].equals("/") || parts[1].contains("{");
            boolean pathMatches = exact ? pattern.equals(parts[1]) : pattern.startsWith(parts[1]);
            if (methodMatches && pathMatches) {
                return true;
            }
        }
        return false;
    }

    private void checkOutsider(String route, Rule rule, ApiClient client, String how, List<String> mismatches) {
        Call call = rule.call().apply(this, null);
        ApiClient.Response response = send(client, call);
        if (response.status() != 404) {
            mismatches.add(how + " outsider " + route + ": expected 404, got " + response.status());
        }
        // the problem's "instance" echoes the path the caller sent; anything else of A's would be a leak
        String body = response.body() == null ? "" : response.body().replace(call.path().split("\\?")[0], "");
        for (String secret : List.of(orgA, wsA, orgAName, wsAName, target.email(), target.id())) {
            if (body.contains(secret)) {
                mismatches.add(how + " outsider " + route + ": body leaks " + secret);
            }
        }
        restoreTenantA(call);
    }

    private void checkActor(String route, Rule rule, Actor actor, ApiClient client, String how, List<String> mismatches) {
        Call call = rule.call().apply(this, actor);
        int status = send(client, call).status();
        boolean ok = status >= 200 && status < 400;
        String expected = rule.allowed().contains(actor) ? "2xx/3xx" : rule.hidden().contains(actor) ? "404" : "403";
        boolean matches = switch (expected) {
            case "404" -> status == 404;
            case "403" -> status == 403;
            default -> ok;
        };
        if (!matches) {
            mismatches.add(how + " " + actor + " " + route + ": expected " + expected + ", got " + status);
        }
        restoreTenantA(call);
    }

    private static ApiClient.Response send(ApiClient client, Call call) {
        return switch (call.method()) {
            case "GET" -> client.get(call.path());
            case "POST" -> client.post(call.path(), call.body());
            case "FORM" -> client.postForm(call.path(), (String) call.body(), true);
            case "PUT" -> client.put(call.path(), call.body());
            case "PATCH" -> client.patch(call.path(), call.body());
            case "DELETE" -> call.body() == null ? client.delete(call.path()) : client.delete(call.path(), call.body());
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path) {
        return new Call("POST", path, null);
    }

    /** Puts tenant A's memberships and workspace back as they were, after a call that changed them. */
    private void restoreTenantA(Call after) {
        if (after.method().equals("GET")) {
            return;
        }
        UUID org = UUID.fromString(orgA);
        jdbc.sql("delete from workspace_members where organization_id = :org").param("org", org).update();
        jdbc.sql("delete from organization_members where organization_id = :org").param("org", org).update();
        for (Object[] row : memberSnapshot) {
            jdbc.sql("insert into organization_members (organization_id, user_id, role, joined_at) values (?, ?, ?, ?)")
                    .params(row).update();
        }
        for (Object[] row : workspaceMemberSnapshot) {
            jdbc.sql("insert into workspace_members (workspace_id, organization_id, user_id, role, added_at) values (?, ?, ?, ?, ?)")
                    .params(row).update();
        }
        jdbc.sql("update workspaces set deleted_at = null, deleted_by = null where organization_id = :org")
                .param("org", org).update();
    }

    private void makeTargetASecondOwner() {
        jdbc.sql("update organization_members set role = 'OWNER' where organization_id = :org and user_id = :user")
                .param("org", UUID.fromString(orgA)).param("user", UUID.fromString(target.id())).update();
    }

    private void softDeleteWorkspaceA() {
        jdbc.sql("update workspaces set deleted_at = now() where id = :ws").param("ws", UUID.fromString(wsA)).update();
    }

    /** A pending invitation of tenant A, made by its owner. */
    /** A TikTok connection of workspace A that stays connected (no token: checks mark it NEEDS_REAUTH). */
    private String connectionA() {
        if (connectionA == null) {
            connectionA = freshConnection();
        }
        return connectionA;
    }

    private String connectionA;

    /** A connection row of workspace A, as the OAuth callback would store it (without a token). */
    private String freshConnection() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, scopes,
                            granted_advertisers, connected_by, connected_at)
                        VALUES (:id, :ws, :org, 'ADVERTISER', 'ACTIVE', '{4}', '{7000000000000000001}', :by, now())""")
                .param("id", id).param("ws", UUID.fromString(wsA)).param("org", UUID.fromString(orgA))
                .param("by", UUID.fromString(actors.get(Actor.OWNER).id())).update();
        return id.toString();
    }

    /** A disconnected connection of workspace A, for the call that removes it from the list. */
    private String freshDisconnectedConnection() {
        String id = freshConnection();
        jdbc.sql("UPDATE tiktok_connection SET status = 'DISCONNECTED' WHERE id = :id").param("id", UUID.fromString(id))
                .update();
        return id;
    }

    /** A rate workspace A entered (JPY on 2026-01-03), for the call that deletes it. */
    private void freshWorkspaceRate() {
        jdbc.sql("""
                INSERT INTO reporting_workspace_rates (workspace_id, currency, rate_date, per_eur, updated_at)
                VALUES (:ws, 'JPY', DATE '2026-01-03', 160, now()) ON CONFLICT DO NOTHING""")
                .param("ws", UUID.fromString(wsA)).update();
    }

    /** A view shared with workspace A by its owner: workspace admins may delete it, other members do not find it. */
    private String freshSharedReportView() {
        return expect(actors.get(Actor.OWNER).api().post("/api/v1/workspaces/" + wsA + "/report-views", Map.of(
                "name", "Shared view", "visibility", "WORKSPACE",
                "query", Map.of("level", "CAMPAIGN", "from", "2026-01-01", "to", "2026-01-31"))), 201).json()
                .get("id").asString();
    }

    static Map<String, Object> alertRule() {
        return Map.of("name", "Isolation rule", "kind", "SPEND_TODAY", "level", "CAMPAIGN", "threshold", 100);
    }

    private String freshAlertRule() {
        return expect(actors.get(Actor.OWNER).api().post("/api/v1/workspaces/" + wsA + "/alert-rules", alertRule()), 201)
                .json().get("id").asString();
    }

    /** A fired alert of tenant A (written directly: the evaluation is tested in AlertRulesIT). */
    private String freshAlertFiring() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO alert_firings (id, workspace_id, rule_id, entity_id, advertiser_id, dedup_key, message,
                            fired_at)
                        VALUES (:id, :ws, :rule, '1', '1', :dedup, 'Isolation alert', now())
                        """)
                .param("id", id).param("ws", UUID.fromString(wsA)).param("rule", UUID.fromString(freshAlertRule()))
                .param("dedup", id.toString()).update();
        return id.toString();
    }

    private String freshInvitation() {
        return expect(actors.get(Actor.OWNER).api().post("/api/v1/organizations/" + orgA + "/invitations",
                Map.of("email", Users.uniqueEmail("pending"), "role", "MEMBER")), 201).json().get("id").asString();
    }

    /** The owner deletes an organization of their own (tenant A itself must survive the run). */
    private Call throwawayOrganizationDeletion() {
        String name = "Throwaway " + UUID.randomUUID();
        String id = tenants.createOrganization(actors.get(Actor.OWNER), name);
        return new Call("DELETE", "/api/v1/organizations/" + id, Map.of("confirmName", name));
    }

    private String token(User user) {
        return expect(user.api().post("/api/v1/me/tokens", Map.of("name", "isolation test")), 201).json()
                .get("token").asString();
    }

    /** A campaign in tenant A's inventory (written directly: the sync itself is tested in inventory). */
    private String inventoryEntity() {
        return jdbc.sql("""
                        INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                            connection_id, synced_at, updated_at)
                        VALUES (:ws, 'CAMPAIGN', :tiktokId, '7000000000000000999', 'Isolation campaign',
                            'CAMPAIGN_STATUS_ENABLE', '{}'::jsonb, :connection, now(), now())
                        RETURNING id""")
                .param("ws", UUID.fromString(wsA))
                .param("tiktokId", Long.toString(System.nanoTime()))
                .param("connection", UUID.randomUUID())
                .query(String.class).single();
    }

    /** An export of tenant A's organization by its owner; {@code ready}: waits until it can be downloaded. */
    private String organizationExport(boolean ready) {
        ApiClient owner = actors.get(Actor.OWNER).api();
        String id = expect(owner.post("/api/v1/organizations/" + orgA + "/exports", null), 202).json().get("id")
                .asString();
        if (ready) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "READY".equals(
                    owner.get("/api/v1/organizations/" + orgA + "/exports/" + id).json().get("status").asString()));
        }
        return id;
    }

    /** A queued job of tenant A that no scheduler execution picks up, so that it can always be cancelled. */
    /** A real campaign of the simulated world, in workspace A's inventory, reachable through a stored token. */
    record BulkTarget(String campaignId, String advertiserId, UUID connectionId, String status) {
    }

    private BulkTarget bulkTarget;

    private BulkTarget bulkTarget() {
        if (bulkTarget == null) {
            com.tttools.simulator.SimulatorControl sim = com.tttools.simulator.EmbeddedSimulator.control(simulatorRegistration);
            String advertiser = sim.advertiserIds().get(1);
            String token = sim.issueAccessToken("7000000000000000001", List.of(advertiser));
            UUID connection = UUID.randomUUID();
            tokenStore.storeAccessToken(com.tttools.app.shared.WorkspaceId.of(wsA), connection,
                    new com.tttools.app.tiktok.tokens.AccessToken(token));
            java.net.http.HttpResponse<String> listed = com.tttools.app.support.Http.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(url("/tiktok-sim/open_api/v1.3/campaign/get/?page_size=1&advertiser_id="
                            + advertiser))).header("Access-Token", token).GET().build());
            tools.jackson.databind.JsonNode campaign = ApiClient.JSON.readTree(listed.body()).path("data").path("list").get(0);
            bulkTarget = new BulkTarget(campaign.path("campaign_id").asString(), advertiser, connection,
                    campaign.path("operation_status").asString());
            jdbc.sql("""
                            INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                                connection_id, synced_at, updated_at)
                            VALUES (:ws, 'CAMPAIGN', :tiktokId, :advertiser, 'Bulk isolation campaign', 'CAMPAIGN_STATUS_ENABLE',
                                '{}'::jsonb, :connection, now(), now())""")
                    .param("ws", UUID.fromString(wsA)).param("tiktokId", bulkTarget.campaignId())
                    .param("advertiser", advertiser).param("connection", connection).update();
        }
        return bulkTarget;
    }

    /** A change set of workspace A in the given state, planned by someone who is none of the actors. */
    private String changeSet(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO bulk_change_sets (id, workspace_id, status, action, level, created_by, created_by_email,
                            created_at, expires_at, needs_approval, approved_at)
                        VALUES (:id, :ws, :status, 'PAUSE', 'CAMPAIGN', :by, 'author@example.com', now(),
                            now() + interval '1 day', true, CASE WHEN :status = 'APPROVED' THEN now() END)""")
                .param("id", id).param("ws", UUID.fromString(wsA)).param("status", status)
                .param("by", UUID.randomUUID()).update();
        return id.toString();
    }

    /** A finished change set whose one line (the real campaign) was applied and still shows the value written. */
    private String appliedChangeSet() {
        BulkTarget target = bulkTarget();
        String id = changeSet("SUCCEEDED");
        boolean enabled = "ENABLE".equals(target.status());
        jdbc.sql("UPDATE bulk_change_sets SET action = :action WHERE id = :id")
                .param("action", enabled ? "ENABLE" : "PAUSE").param("id", UUID.fromString(id)).update();
        jdbc.sql("""
                        INSERT INTO bulk_change_lines (change_set_id, workspace_id, seq, tiktok_id, name, advertiser_id,
                            connection_id, currency, before_value, after_value, status)
                        VALUES (:id, :ws, 1, :tiktokId, 'Bulk isolation campaign', :advertiser, :connection, 'USD',
                            CAST(:before AS jsonb), CAST(:after AS jsonb), 'VERIFIED')""")
                .param("id", UUID.fromString(id)).param("ws", UUID.fromString(wsA))
                .param("tiktokId", target.campaignId()).param("advertiser", target.advertiserId())
                .param("connection", target.connectionId())
                .param("before", enabled ? "{\"status\":\"DISABLE\"}" : "{\"status\":\"ENABLE\"}")
                .param("after", "{\"status\":\"" + target.status() + "\"}").update();
        return id;
    }

    /** A notification delivery of workspace A that failed for good (each call a fresh one: a retry re-queues it). */
    private String failedDelivery() {
        UUID notification = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notifications (id, user_id, workspace_id, event_type, title, body, created_at)
                        VALUES (:id, :user, :ws, 'sync.failed', 'Sync failed', 'Isolation check', now())""")
                .param("id", notification).param("user", UUID.fromString(target.id()))
                .param("ws", UUID.fromString(wsA)).update();
        jdbc.sql("""
                        INSERT INTO notification_deliveries (id, notification_id, user_id, workspace_id, channel, address,
                            template, status, attempts, last_error, created_at, updated_at)
                        VALUES (:id, :notification, :user, :ws, 'EMAIL', 'isolation@example.com', 'sync.failed',
                            'FAILED', 8, 'SMTP server unavailable', now(), now())""")
                .param("id", delivery).param("notification", notification).param("user", UUID.fromString(target.id()))
                .param("ws", UUID.fromString(wsA)).update();
        return delivery.toString();
    }

    private String queuedJob() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, type, status, max_attempts, created_at, updated_at)
                        VALUES (:id, :ws, 'isolation.test', 'QUEUED', 1, now(), now())""")
                .param("id", id).param("ws", UUID.fromString(wsA)).update();
        return id.toString();
    }
}
