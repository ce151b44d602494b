package com.tttools.app.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.database.DatabaseUrl;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildRedis;
import com.tttools.app.support.Http;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.TestDatabase;
import com.tttools.app.support.Users;
import com.tttools.app.support.WholeAppTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimulatorControl;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The app as operated with a shared Redis ({@code REDIS_URL}, a real redis-server started for this class) behind
 * a trusted proxy ({@code TTTOOLS_FORWARD_HEADERS=native}): health shows Redis down while readiness stays up and
 * recovers within 30 s of Redis returning (security check 53); what the app writes into Redis during sign-up,
 * logins and a TikTok sync holds no secret or personal value in plain text (check 33); and the proxy's
 * {@code X-Forwarded-For} is the address the per-address login limit counts (check 8).
 */
@DirtiesContext
class RedisOperationsIT extends WholeAppTest {

    static ChildRedis redis;

    @DynamicPropertySource
    static void redisAndProxy(DynamicPropertyRegistry registry) {
        redis = ChildRedis.start();
        // a context of its own needs a database of its own: on the shared one, the shared context's scheduler (still
        // running, cached for the other tests) would deliver this context's outbox mail into the other context's
        // mailbox, and the sign-up's verification mail would never reach this one's (and the embedded server's
        // directory is the shared context's). Hence WholeAppTest, not IntegrationTest: that one's database would win
        String server = System.getenv("DATABASE_URL");
        if (server == null || server.isBlank()) {
            registry.add("tttools.database.embedded.data-dir", () -> "target/embedded-postgres-redis-it");
        } else {
            String own = TestDatabase.createOn(DatabaseUrl.parse(server), "tttools_redis_it_");
            registry.add("tttools.database.url", () -> own);
        }
        registry.add("tttools.redis.url", redis::url);
        // a generous command timeout: on a loaded test machine a 500 ms one lets some attempts fall back to the
        // node's own bucket, splitting a count between Redis and memory (a stopped Redis is refused at once anyway)
        registry.add("tttools.redis.timeout", () -> "5s");
        registry.add("tttools.tiktok.rate-limit.redis-url", redis::url);
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    /** A test that stopped Redis and failed before starting it again leaves it running for the next one. */
    @AfterEach
    void redisRunsAgain() {
        redis.ensureRunning();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    Jobs jobs;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulator;

    @Test
    void healthShowsRedisDownWithoutFailingReadinessAndRecoversWithin30Seconds() {
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/actuator/health") == 200);
        assertThat(body("/actuator/health/redis")).contains("UP");

        redis.shutdown();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> status("/actuator/health/redis") == 503);
        assertThat(body("/actuator/health")).as("the aggregate shows the outage").contains("DOWN");
        assertThat(status("/actuator/health")).isEqualTo(503);
        assertThat(status("/actuator/health/readiness")).as("Redis is optional: the node stays in service")
                .isEqualTo(200);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        // and it serves: sign-up and sign-in are limited on this node's buckets meanwhile
        Tenants.User user = tenants().verifiedUser("redis-down");
        assertThat(Users.loggedIn(port, user.email(), Users.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

        redis.startAgain();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> status("/actuator/health") == 200);
        System.out.printf("RedisOperationsIT: health UP again %d ms after Redis returned%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
        assertThat(body("/actuator/health/redis")).contains("UP");
    }

    @Test
    void redisHoldsNoTokenSecretOrPersonalValueInPlainText() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("redis-scan");
        ApiClient stranger = new ApiClient(port);
        stranger.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", "not the password 1234"),
                Map.of("X-Forwarded-For", "203.0.113.201"));
        ApiClient again = Users.loggedIn(port, owner.email(), Users.PASSWORD);
        String org = tenants.createOrganization(owner, "Redis Org");
        WorkspaceId workspace = WorkspaceId.of(tenants.createWorkspace(owner, org, "Redis WS"));
        SimulatorControl control = EmbeddedSimulator.control(simulator);
        AccessToken token = new AccessToken(control.issueAccessToken("7000000000000000001",
                control.advertiserIds().subList(0, 1)));
        UUID connection = UUID.randomUUID();
        tokens.storeAccessToken(workspace, connection, token);
        var sync = jobs.submit(AssetSync.request(workspace, connection));
        await().atMost(Duration.ofMinutes(3)).until(() -> jobs.find(workspace, sync.jobId()).orElseThrow().status(),
                s -> s == JobStatus.SUCCEEDED);

        Map<String, String> stored = redis.scanAll();
        System.out.println("RedisOperationsIT: keys in Redis after sign-up, logins and a sync: " + stored.keySet());
        assertThat(stored.keySet()).as("the login limits' buckets").anyMatch(k -> k.startsWith("tttools:abuse:"));
        assertThat(stored.keySet()).as("the TikTok quota's buckets").anyMatch(k -> k.startsWith("tttools:tiktok:rate:"));
        String everything = String.join("\n", stored.keySet()) + "\n" + String.join("\n", stored.values());
        for (String secret : List.of(token.value(), Users.PASSWORD, "not the password 1234", owner.email(),
                "simulator-secret", again.sessionCookie(), owner.api().sessionCookie(), "203.0.113.201")) {
            assertThat(secret).isNotBlank();
            assertThat(everything).as("Redis holds no plain " + secret.substring(0, 3) + "...").doesNotContain(secret);
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheOneLimited() {
        ApiClient proxy = new ApiClient(port);
        for (int i = 0; i < 30; i++) {
            assertThat(proxy.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("proxied"), "password",
                    "wrong password " + i), Map.of("X-Forwarded-For", "203.0.113.77")).status()).isEqualTo(401);
        }
        assertThat(proxy.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("proxied"), "password", "wrong"),
                Map.of("X-Forwarded-For", "203.0.113.77")).status()).as("the client behind the proxy").isEqualTo(429);
        assertThat(proxy.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("proxied"), "password", "wrong"),
                Map.of("X-Forwarded-For", "192.0.2.1, 203.0.113.77")).status())
                .as("an address the client put in front does not escape: the proxy appends the real one")
                .isEqualTo(429);
        assertThat(proxy.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("proxied"), "password", "wrong"),
                Map.of("X-Forwarded-For", "203.0.113.78")).status()).as("another client of the same proxy")
                .isEqualTo(401);
        assertThat(proxy.post("/api/v1/auth/login", Map.of("email", Users.uniqueEmail("proxied"), "password",
                "wrong")).status()).as("the proxy's own address").isEqualTo(401);
    }

    private Tenants tenants() {
        return new Tenants(port, (DevMailbox) mailer, limiter);
    }

    private int status(String path) {
        return Http.get(url(path)).statusCode();
    }

    private String body(String path) {
        HttpResponse<String> response = Http.get(url(path));
        return response.body();
    }
}
