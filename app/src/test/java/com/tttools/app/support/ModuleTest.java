package com.tttools.app.support;

import com.tttools.app.platform.mail.MailOutbox;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.Function;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ScenarioCustomizer;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the module tests ({@code @ApplicationModuleTest} with a {@code Scenario}): a context of one module and
 * the modules it depends on, on the same PostgreSQL as {@link IntegrationTest}. Such a context shares that database
 * with the full-app context and so must not act on the full app's work: it runs no scheduled work (a job a flow
 * queues stays queued here, though the full-app context, when open in the same run, may run it: assert what was
 * queued, not its outcome), it does not republish the full app's undelivered events at start-up, and it is no
 * simulator-mode app (whose start-up makes every stored connection due for a health check). Nothing in it calls
 * TikTok; a call would fail at once. Identity sends its transactional mail through the platform's
 * {@code MailOutbox} port, which the notifications module implements on top of every other module; a module test
 * of anything that needs identity stands in for that port (the flows tested here send no mail), as Spring Modulith
 * suggests for collaborators outside the bootstrapped modules.
 */
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "tttools.scheduler.enabled=false",
        "spring.modulith.events.republish-outstanding-events-on-restart=false",
        "tttools.tiktok.app-id=module-test",
        "tttools.tiktok.app-secret=module-test",
        "tttools.tiktok.api-base-url=http://127.0.0.1:9",
        "tttools.tiktok.auth-url=http://127.0.0.1:9/portal/auth"})
@MockitoBean(types = MailOutbox.class)
@ExtendWith(ModuleTest.PatientScenarios.class)
public abstract class ModuleTest {

    /**
     * A scenario waits up to 60 s for its state change instead of Awaitility's default 10 s: the event listeners run
     * after commit on other threads, which a loaded build machine may keep waiting for seconds. A flow that never
     * happens still fails, only later.
     */
    public static class PatientScenarios implements ScenarioCustomizer {

        @Override
        public Function<ConditionFactory, ConditionFactory> getDefaultCustomizer(Method method,
                ApplicationContext context) {
            return ScenarioCustomizer.forwardExecutorService(context)
                    .andThen(conditions -> conditions.atMost(Duration.ofSeconds(60)));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        java.util.Optional<String> url = TestDatabase.freshDatabaseUrl();
        if (url.isPresent()) {
            registry.add("tttools.database.url", url::get);
        } else {
            // Without DATABASE_URL each context starts the embedded PostgreSQL: the contexts stay open side by side,
            // so each needs its own data directory (one postmaster per directory).
            String dir = "target/embedded-postgres-module-" + java.util.UUID.randomUUID();
            registry.add("tttools.database.embedded.data-dir", () -> dir);
        }
    }
}
