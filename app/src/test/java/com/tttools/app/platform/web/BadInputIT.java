package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input found by fuzzing: NUL characters in JSON, years PostgreSQL cannot store, crafted cursors, a
 * method the path does not take, bodies too large. Each is answered with a 4xx problem, never a 500 and never a
 * stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BadInputIT extends IntegrationTest {

    private static final String NUL = "\\u0000";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    private Tenants.User owner;
    private String orgId;
    private String workspaceId;

    @BeforeAll
    void tenant() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("bad-input");
        orgId = tenants.createOrganization(owner, "Bad input org");
        workspaceId = tenants.createWorkspace(owner, orgId, "Bad input workspace");
    }

    /** One hostile request: who sends it (anonymous or the owner), the method, the path and a raw JSON body. */
    record Case(String name, boolean anonymous, String method, String path, String json, boolean refused) {

        Case(String name, boolean anonymous, String method, String path, String json) {
            this(name, anonymous, method, path, json, true);
        }

        /** Input that may also be answered normally (an empty page, say), as long as it is not a 500. */
        Case answered() {
            return new Case(name, anonymous, method, path, json, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> cases() {
        String ws = "/api/v1/workspaces/{ws}";
        String reports = ws + "/reports?level=CAMPAIGN&";
        return Stream.of(
                new Case("login with NUL", true, "POST", "/api/v1/auth/login",
                        "{\"email\":\"a" + NUL + "@example.com\",\"password\":\"pass" + NUL + "word\"}"),
                new Case("password reset with NUL", true, "POST", "/api/v1/auth/password-reset",
                        "{\"email\":\"a" + NUL + "@example.com\"}"),
                new Case("password reset confirmation with NUL", true, "POST", "/api/v1/auth/password-reset/confirm",
                        "{\"token\":\"" + NUL + "\",\"newPassword\":\"correct horse battery " + NUL + "\"}"),
                new Case("sign-up with NUL", true, "POST", "/api/v1/auth/signup",
                        "{\"email\":\"nul" + NUL + "@example.com\",\"password\":\"correct horse battery staple\",\"name\":\"N" + NUL + "\"}"),
                new Case("email verification with NUL", true, "POST", "/api/v1/auth/verify-email",
                        "{\"token\":\"" + NUL + "\"}"),
                new Case("report from year -5000", false, "GET", reports + "from=-5000-01-01&to=2026-01-31", null),
                new Case("report to year +100000", false, "GET", reports + "from=2026-01-01&to=" + enc("+100000-01-01"), null),
                new Case("report CSV from year -5000", false, "GET",
                        ws + "/reports.csv?level=CAMPAIGN&from=-5000-01-01&to=2026-01-31", null),
                new Case("report finality to year +100000", false, "GET",
                        ws + "/reports/finality?from=2026-01-01&to=" + enc("+100000-01-01"), null),
                new Case("report view with year -5000", false, "POST", ws + "/report-views",
                        "{\"name\":\"Far past\",\"visibility\":\"PRIVATE\",\"query\":{\"level\":\"CAMPAIGN\","
                                + "\"from\":\"-5000-01-01\",\"to\":\"2026-01-31\"}}"),
                new Case("report view with NUL", false, "POST", ws + "/report-views",
                        "{\"name\":\"N" + NUL + "\",\"visibility\":\"PRIVATE\",\"query\":{\"level\":\"CAMPAIGN\","
                                + "\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}}"),
                new Case("asset sync from year +100000", false, "POST", ws + "/connections/" + UUID.randomUUID() + "/sync",
                        "{\"kind\":\"REPORTS\",\"from\":\"+100000-01-01\",\"to\":\"+100000-01-31\"}"),
                new Case("inventory cursor updatedAt +999999999", false, "GET", ws + "/campaigns?sort=-updatedAt&cursor="
                        + cursor("i1\n-updatedAt\n" + UUID.randomUUID() + "\n+999999999-12-31T23:59:59Z"), null),
                new Case("inventory cursor updatedAt -999999999", false, "GET", ws + "/campaigns?sort=updatedAt&cursor="
                        + cursor("i1\nupdatedAt\n" + UUID.randomUUID() + "\n-999999999-01-01T00:00:00Z"), null),
                new Case("inventory search of a blank NUL", false, "GET", ws + "/campaigns?q=%00", null).answered(),
                new Case("inventory search with NUL", false, "GET", ws + "/campaigns?q=a%00b", null),
                new Case("audit cursor far future", false, "GET", "/api/v1/organizations/{org}/audit-events?cursor="
                        + cursor("v1:9223372036854775807:" + UUID.randomUUID()), null),
                new Case("audit cursor far past", false, "GET", "/api/v1/organizations/{org}/audit-events?cursor="
                        + cursor("v1:-9223372036854775807:" + UUID.randomUUID()), null),
                new Case("audit from year -5000", false, "GET", "/api/v1/organizations/{org}/audit-events?from=-5000-01-01", null),
                new Case("jobs cursor far future", false, "GET", ws + "/jobs?cursor="
                        + cursor("999999999999.0." + UUID.randomUUID()), null),
                new Case("jobs cursor far past", false, "GET", ws + "/jobs?cursor="
                        + cursor("-999999999999.0." + UUID.randomUUID()), null),
                new Case("report cursor of a huge offset", false, "GET", reports + "from=2026-01-01&to=2026-01-31&cursor="
                        + cursor("o:2147483647"), null).answered(),
                new Case("PUT to a GET-only path", false, "PUT", "/api/v1/me/sessions", "{}"),
                // security check 41: deep nesting, a 1 MB string field, an unknown enum value
                new Case("JSON nested 10,000 deep", true, "POST", "/api/v1/auth/login",
                        "[".repeat(10_000) + "]".repeat(10_000)),
                new Case("object nested 10,000 deep in a field", false, "POST", ws + "/report-views",
                        "{\"name\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"),
                new Case("a 1 MB string field", true, "POST", "/api/v1/auth/login",
                        "{\"email\":\"" + "a".repeat(1_000_000) + "@example.com\",\"password\":\"x\"}"),
                new Case("an unknown enum value", false, "POST", ws + "/report-views",
                        "{\"name\":\"Enum\",\"visibility\":\"EVERYONE_ON_EARTH\",\"query\":{\"level\":\"CAMPAIGN\","
                                + "\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}}")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputIsAnsweredWithAProblemAndNoStackTrace(Case c, CapturedOutput output) {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ApiClient client = c.anonymous() ? new ApiClient(port) : owner.api();
        String path = c.path().replace("{ws}", workspaceId).replace("{org}", orgId);
        ApiClient.Response response = client.send(c.method(), path, c.json());

        assertThat(response.status()).as(response.body()).isLessThan(500);
        if (c.refused() || response.status() >= 400) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            assertProblem(response.body(), response.header("Content-Type").orElse(""));
        } else {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain(".java:");
        }
        // nothing was logged as an error for this request (an unhandled error logs its stack trace at ERROR)
        String requestId = response.header("X-Request-Id").orElseThrow();
        assertThat(output.getAll().lines().filter(line -> line.contains(requestId)))
                .noneMatch(line -> line.contains(" ERROR "));
    }

    /**
     * Security check 45: input with CR and LF cannot forge a log line. Failed logins, a malformed body and an
     * unknown enum carry the forged line; whatever of it reaches the log stays inside its own event.
     */
    @Test
    void inputWithLineBreaksCannotForgeALogLine(CapturedOutput output) {
        String forged = "a\\r\\nFAKE LOGIN OK admin";
        ApiClient anonymous = new ApiClient(port);
        anonymous.send("POST", "/api/v1/auth/login", "{\"email\":\"" + forged + "\",\"password\":\"wrong password\"}");
        anonymous.send("POST", "/api/v1/auth/login", "{\"email\":[\"" + forged + "\"],\"password\":1}");
        owner.api().send("POST", "/api/v1/workspaces/" + workspaceId + "/report-views",
                "{\"name\":\"x\",\"visibility\":\"" + forged + "\",\"query\":{}}");
        owner.api().send("GET", "/api/v1/workspaces/" + workspaceId + "/jobs?status=" + enc("a\r\nFAKE LOGIN OK admin"), null);

        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("FAKE LOGIN OK"));
    }

    @Test
    void aProblemFor405NamesTheMethodUsed() {
        ApiClient.Response put = owner.api().send("PUT", "/api/v1/me/sessions", "{}");
        ApiClient.Response post = owner.api().send("POST", "/api/v1/me/sessions", "{}");

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.json().path("detail").asString()).contains("PUT");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().path("detail").asString()).contains("POST");
    }

    @Test
    void anAnonymousBodyOverOneMebibyteIsRefusedBeforeItIsParsed() throws Exception {
        String big = "{\"email\":\"" + "a".repeat(1536 * 1024) + "@example.com\",\"password\":\"x\"}";
        ApiClient anonymous = new ApiClient(port);

        ApiClient.Response declared = anonymous.send("POST", "/api/v1/auth/login", big);

        assertThat(declared.status()).isEqualTo(413);
        assertProblem(declared.body(), declared.header("Content-Type").orElse(""));

        // the same without a Content-Length (chunked): counted while it is read
        ApiClient fresh = new ApiClient(port);
        String csrf = fresh.csrfToken();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .header("Cookie", "XSRF-TOKEN=" + csrf)
                .POST(unsized(big.getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertProblem(answer.body(), answer.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aNormalSizedLoginStillWorks() {
        ApiClient.Response wrong = new ApiClient(port).send("POST", "/api/v1/auth/login",
                "{\"email\":\"" + owner.email() + "\",\"password\":\"not the password\"}");
        assertThat(wrong.status()).isEqualTo(401);
    }

    private static void assertProblem(String body, String contentType) {
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode problem = ApiClient.JSON.readTree(body);
        assertThat(problem.path("status").asInt()).isBetween(400, 499);
        assertThat(problem.path("requestId").asString()).isNotBlank();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:")
                .doesNotContain("trace");
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A body publisher without a known length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher unsized(byte[] bytes) {
        HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                sized.subscribe(subscriber);
            }
        };
    }
}
