package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.AppRoutes;
import com.tttools.app.support.HeaderChecks;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security checks 21 and 22 (docs/security-tests.md): every GET route of the application, asked anonymously and
 * by a signed-in user, plus refused writes and static files, answers with the security headers whatever its
 * status (200, 302, 400, 401, 403, 404, 405, 422); signed-in answers are never cached; and no answer grants a
 * foreign origin anything (there is no CORS at all: the pages and the API are same-origin only).
 *
 * <p>The routes come from the running application's handler mappings ({@link AppRoutes}, shared with the CSRF
 * matrix), so a new route is checked without a change here. Path variables are filled with fresh UUIDs: most
 * answers are 404s, which is the status class the headers most often go missing on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersMatrixIT extends IntegrationTest {

    private static final List<String> FOREIGN_ORIGINS = List.of("https://evil.example", "null");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    private ApiClient signedIn;
    private String workspaceId;

    @BeforeAll
    void user() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("headers");
        String org = tenants.createOrganization(owner, "Headers org");
        workspaceId = tenants.createWorkspace(owner, org, "Headers workspace");
        signedIn = owner.api();
    }

    @Test
    void everyRouteAndStatusCarriesTheSecurityHeadersAndSignedInAnswersAreNotCached() {
        List<String> paths = new AppRoutes(mappings, workspaceId, null).gets().stream().map(AppRoutes.Route::path)
                .toList();
        assertThat(paths).as("GET routes found in the handler mappings").hasSizeGreaterThan(30);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (String path : paths) {
            check("anonymous GET " + path, new ApiClient(port).send("GET", path, null, "Accept", accept(path)), false, statuses, misses);
            check("signed-in GET " + path, signedIn.send("GET", path, null, "Accept", accept(path)), true, statuses, misses);
        }
        // refused writes: no CSRF token (403), a method the path does not take (405), a malformed body (400/422)
        check("POST without CSRF", signedIn.postWithoutCsrf("/api/v1/me/sessions/revoke-others", Map.of()), true, statuses, misses);
        check("PUT on a GET-only path", signedIn.send("PUT", "/api/v1/auth/csrf", "{}"), true, statuses, misses);
        check("malformed JSON", signedIn.postRaw("/api/v1/organizations", "{\"name\":"), true, statuses, misses);
        check("invalid body", signedIn.post("/api/v1/organizations", Map.of("name", "")), true, statuses, misses);
        // static files and webjars
        check("static css", new ApiClient(port).get("/css/app.css"), false, statuses, misses);
        check("webjar", new ApiClient(port).get("/webjars/htmx.org/dist/htmx.min.js"), false, statuses, misses);

        System.out.println("Security headers checked on " + paths.size() + " GET routes; statuses seen " + statuses);
        assertThat(misses).as("answers missing a security header").isEmpty();
        assertThat(statuses.keySet()).as("status classes covered").contains(200, 302, 401, 403, 404, 405);
    }

    @Test
    void foreignOriginsAreGrantedNothing() {
        List<String> grants = new ArrayList<>();
        List<String> sample = List.of("/api/v1/me", "/api/v1/workspaces/" + workspaceId + "/connections",
                "/api/v1/auth/csrf", "/workspaces/" + workspaceId, "/login", "/");
        for (String origin : FOREIGN_ORIGINS) {
            for (String path : sample) {
                for (ApiClient.Response response : List.of(
                        signedIn.send("GET", path, null, "Origin", origin),
                        new ApiClient(port).send("GET", path, null, "Origin", origin),
                        signedIn.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", "POST",
                                "Access-Control-Request-Headers", "X-XSRF-TOKEN, Content-Type"))) {
                    response.raw().headers().map().keySet().stream()
                            .filter(name -> name.toLowerCase().startsWith("access-control-allow"))
                            .forEach(name -> grants.add(origin + " " + path + " → " + name + ": "
                                    + response.header(name).orElse("")));
                }
            }
        }
        assertThat(grants).as("CORS grants to foreign origins").isEmpty();
    }

    private static void check(String what, ApiClient.Response response, boolean authenticated,
            Map<Integer, Integer> statuses, List<String> misses) {
        HeaderChecks.check(what, response, authenticated, what.startsWith("static") || what.startsWith("webjar"),
                statuses, misses);
    }

    private static String accept(String path) {
        return path.startsWith("/api/") ? "application/json" : "text/html";
    }
}
