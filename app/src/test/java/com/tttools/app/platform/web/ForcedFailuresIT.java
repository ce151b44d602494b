package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.AppRoutes;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.HeaderChecks;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import com.tttools.failures.ForcedFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security checks 21 and 23 (docs/security-tests.md) on a child app started behind a trusted proxy
 * ({@code TTTOOLS_FORWARD_HEADERS=native}: loopback is a trusted proxy) with {@link ForcedFailures}:
 * <ul>
 * <li>HSTS is sent when the proxy says the request came over https ({@code X-Forwarded-Proto: https}), never on plain
 * http; a forced 500 carries the security headers (and HSTS on https) like any other answer;</li>
 * <li>every controller with a GET route, made to throw (three kinds of exception whose messages hold internals), answers
 * a generic 500: a problem for the API, the error page for pages, with the request id and nothing of the exception
 * (no message, class name, stack frame, SQL or JDBC URL).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForcedFailuresIT extends IntegrationTest {

    private static final String HSTS = "Strict-Transport-Security";
    /** What an answer may not show of a failure. */
    private static final List<String> INTERNALS = List.of(ForcedFailures.SECRET, "Exception", "jdbc:", "db.internal",
            "com.tttools", "java.lang", "springframework", "NullPointer", "stackTrace");

    @Autowired
    DatabaseServer database;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Path dataDir;
    private ChildApp app;
    private ChildApp.Child child;
    private ApiClient owner;
    private String workspaceId;
    private String organizationId;

    @BeforeAll
    void childBehindATrustedProxy() throws IOException {
        dataDir = Files.createTempDirectory("forced-failures");
        app = ChildApp.withFreshDatabase(database, dataDir, url("/tiktok-sim"));
        child = app.start("forced-failures", Duration.ofSeconds(600),
                "--spring.main.sources=" + ForcedFailures.class.getName(),
                "--server.forward-headers-strategy=native", "--tttools.database.max-pool-size=3");
        owner = Users.signedUp(child.port(), Users.uniqueEmail("forced"));
        ApiClient.Response created = owner.post("/api/v1/organizations", Map.of("name", "Forced Org", "workspace",
                Map.of("name", "Forced", "timezone", "UTC", "currency", "USD")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        organizationId = created.json().path("id").asString();
        workspaceId = created.json().path("workspace").path("id").asString();
    }

    @AfterAll
    void stopChild() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void httpsBehindATrustedProxyGetsHstsAndAForced500CarriesTheSecurityHeaders() {
        ApiClient anonymous = new ApiClient(child.port());
        assertThat(anonymous.send("GET", "/login", null).header(HSTS)).as("plain http: no HSTS").isEmpty();
        ApiClient.Response https = anonymous.send("GET", "/login", null, "X-Forwarded-Proto", "https");
        assertThat(https.status()).isEqualTo(200);
        assertThat(https.header(HSTS)).hasValueSatisfying(value -> assertThat(value)
                .contains("max-age=31536000").contains("includeSubDomains"));

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        ApiClient.Response failed = owner.send("GET", "/test-only/fail", null, "Accept", "application/json");
        HeaderChecks.check("forced 500 (http)", failed, true, false, statuses, misses);
        ApiClient.Response failedOverHttps = owner.send("GET", "/test-only/fail", null, "Accept", "application/json",
                "X-Forwarded-Proto", "https");
        HeaderChecks.check("forced 500 (https)", failedOverHttps, true, false, statuses, misses);
        ApiClient.Response failedPage = owner.send("GET", "/workspaces/" + workspaceId, null, "Accept", "text/html",
                ForcedFailures.HEADER, "runtime");
        HeaderChecks.check("forced 500 (page)", failedPage, true, false, statuses, misses);

        assertThat(statuses).containsOnlyKeys(500);
        assertThat(misses).as("security headers missing on a 500").isEmpty();
        assertThat(failedOverHttps.header(HSTS)).as("HSTS on an https 500 too").isPresent();
        assertThat(failed.header(HSTS)).isEmpty();
        assertGeneric("the failing route", failed, true);
    }

    @Test
    void everyControllerMadeToThrowAnswersAGenericProblemWithoutInternals() {
        List<AppRoutes.Route> routes = new AppRoutes(mappings, workspaceId, organizationId).gets();
        Set<String> controllers = new TreeSet<>();
        List<String> leaks = new ArrayList<>();
        int i = 0;
        for (AppRoutes.Route route : routes) {
            if (route.path().startsWith("/tiktok-sim") || route.controller().getName().startsWith("org.springdoc")) {
                continue;   // the embedded simulator and the API docs are not our controllers
            }
            boolean api = route.path().startsWith("/api/");
            String kind = List.of("runtime", "database", "null").get(i++ % 3);
            ApiClient.Response response = owner.send("GET", route.path(), null, "Accept",
                    api ? "application/json" : "text/html", ForcedFailures.HEADER, kind);
            if (response.status() != 500) {
                // a route the security chain answers before any controller (e.g. a redirect for signed-in users)
                continue;
            }
            controllers.add(route.controller().getSimpleName());
            try {
                assertGeneric(route.path() + " (" + kind + ")", response, api);
            } catch (AssertionError e) {
                leaks.add(e.getMessage());
            }
        }
        System.out.println("Forced failures answered generically by " + controllers.size() + " controllers: "
                + controllers);
        assertThat(leaks).as("answers to forced failures that were not generic").isEmpty();
        assertThat(controllers).as("controllers made to fail").hasSizeGreaterThanOrEqualTo(10);
    }

    private static void assertGeneric(String what, ApiClient.Response response, boolean api) {
        assertThat(response.status()).as(what).isEqualTo(500);
        String body = response.body();
        for (String internal : INTERNALS) {
            assertThat(body).as(what + " shows " + internal).doesNotContainIgnoringCase(internal);
        }
        if (api) {
            assertThat(response.header("Content-Type")).as(what).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().path("status").asInt()).as(what).isEqualTo(500);
            assertThat(response.json().path("requestId").asString()).as(what).isNotBlank();
        } else {
            // pages answer the error page; the few non-page routes outside /api/ (CSV, webhooks) a problem
            assertThat(response.header("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type)
                    .matches(t -> t.startsWith("text/html") || t.startsWith("application/problem+json")));
        }
    }
}
