package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PlatformWebIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void unknownApiPathAnswersProblemJsonEchoingTheRequestId() {
        HttpResponse<String> response = Http.get(url("/api/v1/nope"), "X-Request-Id", "test-req-0001",
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("test-req-0001");
        assertThat(response.body())
                .contains("\"requestId\":\"test-req-0001\"")
                .contains("\"status\":404")
                .contains("\"title\":\"Not Found\"")
                .contains("\"instance\":\"/api/v1/nope\"");
    }

    @Test
    void unknownApiPathIsProblemJsonEvenForABrowserAcceptHeader() {
        HttpResponse<String> response = Http.get(url("/api/v1/nope"), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void insaneRequestIdsAreReplacedByAGeneratedOne() {
        HttpResponse<String> response = Http.get(url("/api/v1/nope"), "X-Request-Id", "bad id\twith spaces");
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(response.body()).contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void everyResponseCarriesARequestId() {
        assertThat(Http.get(url("/")).headers().firstValue("X-Request-Id")).isPresent();
        assertThat(Http.get(url("/css/app.css")).headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void unknownPageGetsTheFriendlyHtml404() {
        HttpResponse<String> response = Http.get(url("/no/such/page"), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Page not found").contains("Go to the start page")
                .doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    @Test
    void landingPageExplainsTheProductWithSecurityHeaders() {
        HttpResponse<String> response = Http.get(url("/"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("TikTok").containsPattern("/webjars/htmx.org/[0-9.]*/?dist/htmx.min(-[0-9a-f]{32})?\\.js");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("base-uri 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void webjarsAreServedLocally() {
        assertThat(Http.get(url("/webjars/htmx.org/dist/htmx.min.js")).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/webjars/chart.js/dist/chart.umd.js")).statusCode()).isEqualTo(200);
    }

    @Test
    void probesArePublicAndMetricsAreNot() {
        HttpResponse<String> readiness = Http.get(url("/actuator/health/readiness"));
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(Http.get(url("/actuator/health/liveness")).statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = Http.get(url("/actuator/prometheus"));
        assertThat(prometheus.statusCode()).isEqualTo(401);
        assertThat(prometheus.body()).doesNotContain("jvm_");
        assertThat(Http.get(url("/actuator/metrics")).statusCode()).isEqualTo(401);
        assertThat(Http.get(url("/actuator/env")).statusCode()).isIn(401, 404);
    }

    @Test
    void openApiDescriptionAndSwaggerUiAreServed() {
        HttpResponse<String> docs = Http.get(url("/v3/api-docs"));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("TTtools API");
        // the RequestMetadata argument of audited handlers is resolved from the request, not a client parameter
        assertThat(docs.body()).contains("/api/v1/workspaces/{wsId}/connections/{id}/check")
                .doesNotContain("RequestMetadata");
        // every {variable} of a path is described as that path parameter, also where @RequireWorkspace or
        // @RequireOrganization reads it (springdoc alone would describe such an argument as a query parameter)
        java.util.List<String> undescribed = new java.util.ArrayList<>();
        new tools.jackson.databind.json.JsonMapper().readTree(docs.body()).get("paths").properties().forEach(path ->
                path.getValue().properties().forEach(operation -> java.util.regex.Pattern.compile("\\{(\\w+)}")
                        .matcher(path.getKey()).results().map(m -> m.group(1))
                        .filter(variable -> operation.getValue().path("parameters").valueStream().noneMatch(p ->
                                p.get("in").asString().equals("path") && p.get("name").asString().equals(variable)))
                        .forEach(variable -> undescribed.add(operation.getKey() + " " + path.getKey() + " " + variable))));
        assertThat(undescribed).isEmpty();
        assertThat(docs.body()).doesNotContain("WorkspaceAccess").doesNotContain("OrganizationAccess");
        HttpResponse<String> ui = Http.get(url("/swagger-ui.html"));
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    @Test
    void unsafeApiRequestsWithoutCsrfTokenAreRejectedAsProblem() {
        HttpResponse<String> response = Http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/api/v1/anything"))).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("requestId");
    }

    @Test
    void flywayMigrationsRanOnTheRealDatabase() {
        String version = jdbc.sql("select version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL");
        Integer tables = jdbc.sql("select count(*) from information_schema.tables where table_name = 'event_publication'")
                .query(Integer.class).single();
        assertThat(tables).isEqualTo(1);
    }
}
