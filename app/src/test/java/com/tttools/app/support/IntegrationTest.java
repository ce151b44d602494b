package com.tttools.app.support;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.ratelimit.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test. All subclasses share one Spring context (same configuration, so the test
 * context cache reuses it) and so one PostgreSQL: embedded by default, or a fresh database on the server
 * named by {@code DATABASE_URL} when the environment sets it. The dev mailbox sits behind a {@link GatedMailbox}
 * (open unless a test closes it), and the shared embedded simulator is put back as each test found it
 * ({@link SimulatorStateGuard}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({GatedMailbox.Configuration.class, OutboxReader.Configuration.class, StatementCounter.Configuration.class})
@ExtendWith({SimulatorStateGuard.class, SuiteLog.class})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    private RateLimiter addressLimiter;

    /**
     * Every test starts with the loopback address's sign-up and failed-login budgets full, as on a fresh machine: the
     * suite signs up from 127.0.0.1 far more than ten times an hour, so without this a test's own sign-up would meet
     * the budget other tests used, depending on the order they ran in.
     */
    @BeforeEach
    void fullAddressBudgets() {
        addressLimiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        addressLimiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.freshDatabaseUrl().ifPresent(url -> registry.add("tttools.database.url", () -> url));
        registry.add("tttools.telegram.api-url", () -> FakeTelegram.shared().url());
        registry.add("tttools.telegram.bot-token", () -> FakeTelegram.TOKEN);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
