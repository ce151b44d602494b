package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security check 20 (docs/security-tests.md): every state-changing route of the application (POST, PUT, PATCH,
 * DELETE, taken from the running handler mappings so a new route is covered without a change here), sent with
 * a live session cookie but no CSRF token or a wrong one, is refused with 403 and changes nothing; the sign-in
 * form and API refuse a login without a token too (login CSRF). Only the provider and Telegram webhooks, which
 * authenticate by signature or secret header and carry no cookie, are outside the check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfMatrixIT extends IntegrationTest {

    /** Routes that are not cookie-authenticated: each checks its own signature or secret (ProviderWebhooksIT, TelegramLinkingIT). */
    private static final List<String> SIGNED_WEBHOOKS = List.of("/webhooks/", "/telegram/");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    private ApiClient owner;
    private String workspaceId;
    private String organizationId;

    @BeforeAll
    void user() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User user = tenants.verifiedUser("csrf");
        organizationId = tenants.createOrganization(user, "CSRF org");
        workspaceId = tenants.createWorkspace(user, organizationId, "CSRF workspace");
        owner = user.api();
    }

    @Test
    void everyStateChangingRouteRefusesAMissingOrWrongTokenAndChangesNothing() {
        List<String[]> routes = unsafeRoutes();
        assertThat(routes).as("state-changing routes found").hasSizeGreaterThan(40);
        long auditBefore = count("audit_events");
        long workspacesBefore = count("workspaces");
        List<String> accepted = new ArrayList<>();
        for (String[] route : routes) {
            String method = route[0];
            String path = route[1];
            ApiClient.Response none = owner.send(method, path, "{}", "X-XSRF-TOKEN", "");
            ApiClient.Response wrong = owner.send(method, path, "{}", "X-XSRF-TOKEN", UUID.randomUUID().toString());
            if (none.status() != 403) {
                accepted.add("no token: " + method + " " + path + " → " + none.status());
            }
            if (wrong.status() != 403) {
                accepted.add("wrong token: " + method + " " + path + " → " + wrong.status());
            }
        }
        System.out.println("CSRF checked on " + routes.size() + " state-changing routes");
        assertThat(accepted).as("state-changing requests served without a valid CSRF token").isEmpty();
        assertThat(owner.get("/api/v1/me").status()).as("the session itself still works").isEqualTo(200);
        assertThat(count("workspaces")).isEqualTo(workspacesBefore);
        assertThat(count("audit_events")).as("no audited change happened").isEqualTo(auditBefore);
    }

    @Test
    void aLoginWithoutATokenIsRefused() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.send("POST", "/api/v1/auth/login", "{\"email\":\"x@example.com\",\"password\":\"whatever it is\"}",
                "X-XSRF-TOKEN", "").status()).isEqualTo(403);
        assertThat(anonymous.postForm("/login", "email=x%40example.com&password=whatever+it+is", false).status())
                .isEqualTo(403);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String[]> unsafeRoutes() {
        Set<String> seen = new TreeSet<>();
        List<String[]> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS, RequestMethod.TRACE).contains(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (SIGNED_WEBHOOKS.stream().anyMatch(pattern::startsWith) || pattern.startsWith("/error")) {
                        continue;
                    }
                    String path = pattern.replace("{wsId}", workspaceId).replace("{workspaceId}", workspaceId)
                            .replace("{orgId}", organizationId).replace("{organizationId}", organizationId)
                            .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    if (seen.add(method + " " + path)) {
                        routes.add(new String[] {method.name(), path});
                    }
                }
            }
        }
        return routes;
    }
}
