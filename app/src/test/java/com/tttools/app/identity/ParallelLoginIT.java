package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security check 5, its correctness half: 20 sign-ins released at the same instant, each verifying an Argon2id hash
 * at the configured cost (19 MiB, 2 passes) on the same node, all succeed with a session of their own. The cost
 * itself (the p50 of one hash) is measured by {@code PasswordHashBenchmark} and recorded in docs/benchmarks.md, not
 * asserted here.
 */
class ParallelLoginIT extends IntegrationTest {

    static final int PARALLEL = 20;

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @AfterEach
    void forgetThisMachine() {
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void twentyParallelLoginsAllSucceedEachWithItsOwnSession() throws Exception {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        List<Tenants.User> users = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            users.add(tenants.verifiedUser("parallel-login"));
        }
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<ApiClient>> logins = new ArrayList<>();
        try {
            for (Tenants.User user : users) {
                logins.add(pool.submit(() -> {
                    ApiClient client = new ApiClient(port);
                    client.csrfToken();
                    start.await(30, TimeUnit.SECONDS);
                    ApiClient.Response response = client.post("/api/v1/auth/login",
                            Map.of("email", user.email(), "password", Users.PASSWORD));
                    assertThat(response.status()).as("login of %s: %s", user.email(), response.body()).isEqualTo(200);
                    return client;
                }));
            }
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                ApiClient client = logins.get(i).get(2, TimeUnit.MINUTES);
                assertThat(client.get("/api/v1/me").json().path("email").asString()).isEqualTo(users.get(i).email());
                sessions.add(client.sessionCookie());
            }
            assertThat(sessions).doesNotContainNull().doesNotHaveDuplicates().hasSize(PARALLEL);
        } finally {
            pool.shutdownNow();
        }
    }
}
