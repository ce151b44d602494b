package com.tttools.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test. All subclasses share one Spring context (same configuration, so the test
 * context cache reuses it) and so one PostgreSQL: embedded by default, or a fresh database on the server named by
 * {@code DATABASE_URL} when the environment sets it. Everything else (gated dev mailbox, simulator guard, fake
 * Telegram, full address budgets) comes from {@link WholeAppTest}.
 */
public abstract class IntegrationTest extends WholeAppTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.freshDatabaseUrl().ifPresent(url -> registry.add("tttools.database.url", () -> url));
    }
}
