package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@link EarlyDatabaseStart}: the embedded PostgreSQL is running before the context creates its first bean, the
 * {@code databaseServer} bean is that server, a failed start-up stops it, and nothing starts early with an external
 * database or in the {@code prod} profile.
 */
class EarlyDatabaseStartTest {

    static final Duration START_WAIT = Duration.ofMinutes(3);   // a fresh initdb on a loaded 2-core machine

    @Test
    void theServerRunsBeforeAnyBeanExistsAndTheContextUsesIt(@TempDir Path folder) throws Exception {
        Path dataDir = folder.resolve("postgres");
        try (ConfigurableApplicationContext context = application(Database.class).run(embedded(dataDir))) {
            // WaitForServer (a bean factory post-processor, before any bean) already saw the server's pid file
            assertThat(context.containsBean(EarlyDatabaseStart.BEAN_NAME)).isTrue();
            assertThat(context.getBean(DatabaseServer.class).embedded()).isTrue();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                 ResultSet rows = connection.createStatement().executeQuery("show data_directory")) {
                rows.next();
                assertThat(Path.of(rows.getString(1)).toRealPath()).isEqualTo(dataDir.toRealPath());
            }
        }
        // closing the context stops the server the bean took
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void aStartUpThatFailsStopsTheServerStartedEarly(@TempDir Path folder) {
        Path dataDir = folder.resolve("postgres");
        assertThatThrownBy(() -> application(FailingAfterTheServerStarted.class).run(embedded(dataDir)))
                .hasMessageContaining("another part of the start-up failed");
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    @Test
    void nothingStartsEarlyWithAnExternalDatabase(@TempDir Path folder) {
        SpringApplication application = application(Nothing.class);
        try (ConfigurableApplicationContext context = application.run(
                "--tttools.database.url=postgres://postgres@127.0.0.1:5432/postgres",
                "--tttools.database.embedded.data-dir=" + folder.resolve("postgres"))) {
            assertThat(context.containsBean(EarlyDatabaseStart.BEAN_NAME)).isFalse();
        }
        assertThat(Files.exists(folder.resolve("postgres"))).isFalse();
    }

    @Test
    void nothingStartsEarlyInTheProductionProfile(@TempDir Path folder) {
        SpringApplication application = application(Nothing.class);
        application.setAdditionalProfiles("prod");
        try (ConfigurableApplicationContext context = application.run(embedded(folder.resolve("postgres")))) {
            assertThat(context.containsBean(EarlyDatabaseStart.BEAN_NAME)).isFalse();
        }
        assertThat(Files.exists(folder.resolve("postgres"))).isFalse();
    }

    private static SpringApplication application(Class<?> configuration) {
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners(new EarlyDatabaseStart());
        return application;
    }

    /** Arguments, so that they win over application.yml and a DATABASE_URL in the environment (as the tests run). */
    private static String[] embedded(Path dataDir) {
        return new String[] {"--tttools.database.url=", "--tttools.database.embedded.data-dir=" + dataDir};
    }

    /** Runs before any bean is created: waits until the early start made the server write its pid file. */
    static BeanFactoryPostProcessor waitForServer(boolean thenFail) {
        return beanFactory -> {
            Path dataDir = Path.of(beanFactory.getBean(org.springframework.core.env.Environment.class)
                    .getRequiredProperty("tttools.database.embedded.data-dir"));
            assertThat(beanFactory.containsSingleton("databaseServer")).isFalse();
            await().atMost(START_WAIT).until(() -> Files.exists(dataDir.resolve("postmaster.pid")));
            if (thenFail) {
                throw new IllegalStateException("another part of the start-up failed");
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DatabaseProperties.class, RowLevelSecurityProperties.class})
    @Import(DataSourceConfiguration.class)
    static class Database {

        @Bean
        static BeanFactoryPostProcessor waitForServer() {
            return EarlyDatabaseStartTest.waitForServer(false);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DatabaseProperties.class, RowLevelSecurityProperties.class})
    @Import(DataSourceConfiguration.class)
    static class FailingAfterTheServerStarted {

        @Bean
        static BeanFactoryPostProcessor waitForServer() {
            return EarlyDatabaseStartTest.waitForServer(true);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }
}
