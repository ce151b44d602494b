package com.tttools.app.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The prod guard's database TLS rule covers Flyway's own connection ({@code DATABASE_MIGRATION_URL}, the direct or
 * session-mode connection next to a transaction pooler) as it covers {@code DATABASE_URL}.
 */
class ProductionSettingsGuardTest {

    private static final String SAFE = "postgres://app:secret@pooler.example.com:6543/app?sslmode=require";

    @Test
    void aMigrationUrlToAnotherMachineWithoutTlsIsRefusedByName() {
        for (String plain : new String[] {"postgres://admin:hunter2@db.example.com:5432/app",
                "postgres://admin:hunter2@db.example.com:5432/app?sslmode=prefer",
                "jdbc:postgresql://db.example.com:5432/app?password=hunter2&sslmode=disable"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", SAFE)
                    .withProperty("DATABASE_MIGRATION_URL", plain);

            assertThat(ProductionSettingsGuard.unsafe(environment)).as(plain).containsExactly(
                    "DATABASE_MIGRATION_URL points to a database on another machine without TLS: add "
                            + "sslmode=require (or verify-ca / verify-full)");
        }
    }

    @Test
    void bothUrlsWithoutTlsAreNamedEachAndNoPasswordIsRepeated() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://app:hunter2@pooler.example.com:6543/app")
                .withProperty("DATABASE_MIGRATION_URL", "postgres://admin:hunter2@db.example.com:5432/app");

        assertThat(ProductionSettingsGuard.unsafe(environment)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_URL "))
                .anySatisfy(problem -> assertThat(problem).startsWith("DATABASE_MIGRATION_URL "))
                .noneSatisfy(problem -> assertThat(problem).contains("hunter2"));
    }

    @Test
    void aMigrationUrlWithTlsOnLoopbackOrUnsetIsAccepted() {
        for (String migrationUrl : new String[] {"postgres://admin:p@db.example.com:5432/app?sslmode=verify-full",
                "jdbc:postgresql://db.example.com/app?ssl=true", "postgres://admin:p@127.0.0.1:5432/app",
                "jdbc:postgresql://localhost/app", ""}) {
            MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", SAFE)
                    .withProperty("DATABASE_MIGRATION_URL", migrationUrl);

            assertThat(ProductionSettingsGuard.unsafe(environment)).as(migrationUrl).isEmpty();
        }
        assertThat(ProductionSettingsGuard.unsafe(new MockEnvironment().withProperty("DATABASE_URL", SAFE))).isEmpty();
    }
}
