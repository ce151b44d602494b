package com.tttools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;

import com.tttools.simulator.core.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator mounted under a prefix inside a full Boot web app on a random port, driven over real HTTP. */
class EmbeddedPrefixTest {

    private static ConfigurableApplicationContext host;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApp {
        @Bean
        ServletRegistrationBean<DispatcherServlet> tiktokSimulator() {
            return EmbeddedSimulator.servletRegistration("/tiktok-sim", SimulatorSettings.defaults().withNow(TestSim.NOW));
        }

        @Bean
        HostController hostController() {
            return new HostController();
        }
    }

    @RestController
    static class HostController {
        @GetMapping("/hello")
        Map<String, String> hello() {
            return Map.of("someValue", "host");
        }
    }

    @BeforeAll
    static void startHost() {
        host = new SpringApplicationBuilder(HostApp.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run();
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) host).getWebServer().getPort();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void oauthAutoApproveAndAReportRunThroughThePrefix() throws Exception {
        HttpResponse<String> consent = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/_sim/consent"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"autoApprove\": true}")).build());
        assertThat(consent.statusCode()).isEqualTo(200);

        String callback = base + "/callback";
        HttpResponse<String> auth = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/portal/auth?app_id=" + SimApp.DEV_APP_ID
                + "&redirect_uri=" + enc(callback) + "&state=abc")).GET().build());
        assertThat(auth.statusCode()).isEqualTo(302);
        String location = auth.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(callback + "?auth_code=").endsWith("&state=abc");
        String code = URI.create(location).getQuery().substring(10, 50);

        HttpResponse<String> tokenRes = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/open_api/v1.3/oauth2/access_token/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.string(Map.of("app_id", SimApp.DEV_APP_ID, "secret", SimApp.DEV_SECRET, "auth_code", code))))
                .build());
        JsonNode token = MAPPER.readTree(tokenRes.body());
        assertThat(token.get("code").asInt()).isZero();
        String access = token.get("data").get("access_token").asString();
        String advertiser = token.get("data").get("advertiser_ids").get(0).asString();

        String query = "advertiser_id=" + advertiser + "&report_type=BASIC&data_level=AUCTION_CAMPAIGN"
                + "&dimensions=" + enc("[\"campaign_id\",\"stat_time_day\"]") + "&metrics=" + enc("[\"spend\",\"impressions\"]")
                + "&start_date=2026-03-01&end_date=2026-03-07&page_size=1000";
        HttpResponse<String> report = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/open_api/v1.3/report/integrated/get/?" + query))
                .header("Access-Token", access).GET().build());
        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(report.body());
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("request_id").asString()).matches("\\d{14}[0-9A-F]{20}");
        assertThat(body.get("data").get("page_info").get("total_number").asInt()).isPositive();
        assertThat(body.get("data").get("list").get(0).get("metrics").has("spend")).isTrue();
    }

    @Test
    void consentFormAndDownloadLinksCarryThePrefix() throws Exception {
        send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/_sim/consent")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"autoApprove\": false}")).build());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/portal/auth?app_id=" + SimApp.DEV_APP_ID
                + "&redirect_uri=" + enc("http://localhost:8080/cb") + "&state=s")).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/tiktok-sim/portal/auth\"");
    }

    @Test
    void hostAndSimulatorStayIsolated() throws Exception {
        HttpResponse<String> hello = send(HttpRequest.newBuilder(URI.create(base + "/hello")).GET().build());
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).contains("someValue");
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/hello")).GET().build()).statusCode()).isEqualTo(404);
        assertThat(host.getBeanNamesForType(SimulatorControl.class)).isEmpty();
        @SuppressWarnings("unchecked")
        ServletRegistrationBean<DispatcherServlet> registration = host.getBean("tiktokSimulator", ServletRegistrationBean.class);
        SimulatorControl control = EmbeddedSimulator.control(registration);
        assertThat(control.info().get("advertisers")).isEqualTo(6);
        HttpResponse<String> info = send(HttpRequest.newBuilder(URI.create(base + "/tiktok-sim/_sim/info")).GET().build());
        assertThat(MAPPER.readTree(info.body()).get("first_advertiser_ids").size()).isEqualTo(5);
    }
}
