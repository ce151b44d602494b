package com.tttools.app.support;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.ratelimit.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a random port, as {@link IntegrationTest} runs it, but without choosing its database: the dev
 * mailbox behind a {@link GatedMailbox}, the shared embedded simulator put back as each test found it
 * ({@link SimulatorStateGuard}), the fake Telegram, and full sign-up and failed-login budgets for 127.0.0.1 before
 * each test. Extend {@link IntegrationTest} (the shared context on the run's database); extend this directly only
 * for a context of its own that registers a database of its own. A subclass cannot override the database
 * {@link IntegrationTest} registers: Spring calls the base class's {@code @DynamicPropertySource} methods after the
 * subclass's, so the base's value wins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({GatedMailbox.Configuration.class, OutboxReader.Configuration.class, StatementCounter.Configuration.class})
@ExtendWith({SimulatorStateGuard.class, SuiteLog.class})
public abstract class WholeAppTest {

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
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("tttools.telegram.api-url", () -> FakeTelegram.shared().url());
        registry.add("tttools.telegram.bot-token", () -> FakeTelegram.TOKEN);
        SuiteLog.secret(FakeTelegram.TOKEN);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
