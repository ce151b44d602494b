package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.TikTokProperties;
import com.tttools.app.tiktok.TikTokUnavailableException;
import com.tttools.app.tiktok.UnexpectedResponseException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Transport details against a stub server: encoding, headers, redirects, secrets kept out of messages. */
@ExtendWith(OutputCaptureExtension.class)
class MarketingApiClientTest {

    static final String OK = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"2025\",\"data\":{\"list\":[]}}";
    static final AccessToken TOKEN = new AccessToken("act.super-secret-token-value");
    static final String SECRET = "app-secret-value";

    final JsonMapper json = JsonMapper.builder().build();
    final List<Duration> waits = new ArrayList<>();

    @Test
    void sendsTheTokenHeaderAndJsonEncodedListAndObjectParameters() throws Exception {
        try (StubServer stub = new StubServer(request -> StubServer.Answer.json(OK))) {
            client(stub.base()).call(ApiCall.get("campaign/get/")
                    .param("advertiser_id", "7001035076276387841")
                    .param("fields", List.of("campaign_id", "campaign_name"))
                    .param("filtering", Map.of("buying_types", List.of("AUCTION")))
                    .param("timezone", "Etc/GMT+8"), TOKEN);

            StubServer.Received request = stub.received.get(0);
            assertThat(request.accessToken()).isEqualTo(TOKEN.value());
            assertThat(request.uri().getPath()).isEqualTo("/open_api/v1.3/campaign/get/");
            String query = URLDecoder.decode(request.uri().getRawQuery(), StandardCharsets.UTF_8);
            assertThat(query).contains("advertiser_id=7001035076276387841")
                    .contains("fields=[\"campaign_id\",\"campaign_name\"]")
                    .contains("filtering={\"buying_types\":[\"AUCTION\"]}")
                    .contains("timezone=Etc/GMT+8");
        }
    }

    @Test
    void postsParametersAsAJsonBodyWithoutATokenHeader() throws Exception {
        try (StubServer stub = new StubServer(request -> StubServer.Answer.json(OK))) {
            client(stub.base()).call(ApiCall.post("oauth2/access_token/")
                    .param("app_id", "1").param("secret", SECRET).param("auth_code", "code"), null);

            StubServer.Received request = stub.received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.accessToken()).isNull();
            assertThat(json.readTree(request.body()).path("secret").asString()).isEqualTo(SECRET);
        }
    }

    @Test
    void aRedirectIsAnErrorAndIsNotFollowed() throws Exception {
        try (StubServer internal = new StubServer(request -> StubServer.Answer.json(OK));
             StubServer api = new StubServer(request -> StubServer.Answer.redirect(internal.base() + "/admin"))) {

            assertThatThrownBy(() -> client(api.base()).call(ApiCall.get("user/info/"), TOKEN))
                    .isInstanceOfSatisfying(UnexpectedResponseException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(302));
            assertThat(internal.received).isEmpty();
            assertThat(api.received).hasSize(1);
        }
    }

    @Test
    void secretsStayOutOfMessagesAndLogs(CapturedOutput output) throws Exception {
        try (StubServer stub = new StubServer(request -> new StubServer.Answer(503, "text/html",
                "<html>Bad gateway " + TOKEN.value() + "</html>", null))) {
            ApiCall call = ApiCall.get("oauth2/advertiser/get/").param("app_id", "1").param("secret", SECRET);

            assertThatThrownBy(() -> client(stub.base()).call(call, TOKEN))
                    .isInstanceOf(TikTokUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN.value()).doesNotContain(SECRET));
            assertThat(call.toString()).doesNotContain(TOKEN.value()).doesNotContain(SECRET);
        }
        try (StubServer closed = new StubServer(request -> StubServer.Answer.json(OK))) {
            URI gone = closed.base();
            closed.close();
            assertThatThrownBy(() -> client(gone).call(ApiCall.get("user/info/").param("secret", SECRET), TOKEN))
                    .isInstanceOf(TikTokUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("I/O failure").doesNotContain(SECRET));
        }
        assertThat(output.getAll()).doesNotContain(TOKEN.value()).doesNotContain(SECRET);
    }

    @Test
    void retryWaitsGrowAndStopAtTheAttemptLimit() throws Exception {
        try (StubServer stub = new StubServer(request -> new StubServer.Answer(500, "text/html", "<html/>", null))) {
            assertThatThrownBy(() -> client(stub.base()).call(ApiCall.get("user/info/"), TOKEN))
                    .isInstanceOf(TikTokUnavailableException.class);

            assertThat(stub.received).hasSize(4);
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0).toMillis()).isBetween(75L, 100L);
            assertThat(waits.get(1).toMillis()).isBetween(150L, 200L);
            assertThat(waits.get(2).toMillis()).isBetween(300L, 400L);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "<html><body>Service Unavailable</body></html>",
            "{\"message\":\"no code\"}", "[1,2,3]", "{\"code\": 0, \"data\": {\"list\": ["})
    void garbageWithStatus200IsRetriedThenReported(String body) throws Exception {
        try (StubServer stub = new StubServer(request -> new StubServer.Answer(200, "text/html", body, null))) {
            assertThatThrownBy(() -> client(stub.base()).call(ApiCall.get("user/info/"), TOKEN))
                    .isInstanceOfSatisfying(TikTokUnavailableException.class,
                            e -> assertThat(e.getMessage()).contains("malformed body"));
            assertThat(stub.received).hasSize(4);
        }
    }

    @Test
    void aGatewayRetryAfterIsHonouredUpToTheBackoffCap() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (StubServer stub = new StubServer(request -> switch (calls.incrementAndGet()) {
            case 1 -> new StubServer.Answer(429, "text/html", "<html/>", null, "1");
            case 2 -> new StubServer.Answer(503, "text/html", "<html/>", null, "30");
            default -> StubServer.Answer.json(OK);
        })) {
            client(stub.base()).call(ApiCall.get("user/info/"), TOKEN);

            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    private MarketingApiClient client(URI base) {
        return client(base, json, waits);
    }

    /** A client of the Marketing API at that base, with small limits and fast retries; its backoff waits are recorded. */
    static MarketingApiClient client(URI base, JsonMapper json, List<Duration> waits) {
        TikTokProperties properties = new TikTokProperties("1", SECRET, base, base.resolve("/portal/auth"),
                new TikTokProperties.RateLimit(1000, 1000, 0, null, Duration.ofMillis(100), "tttools:"),
                new TikTokProperties.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new TikTokProperties.Retry(4, Duration.ofMillis(100), Duration.ofSeconds(2), 0.25, 3));
        TikTokEndpoints endpoints = new TikTokEndpoints(properties, base, () -> 0);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        RestClient rest = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(http)).build();
        SharedRateLimiter limiter = new SharedRateLimiter(new LocalBucketSource(), 1000, 1000, 0);
        return new MarketingApiClient(new HttpTransport(rest, json, endpoints), new ResponseReader(json), limiter,
                endpoints, properties.retry(), waits::add);
    }
}
