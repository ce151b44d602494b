package com.tttools.app.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pool over the chosen server. Declared by hand (not Boot's auto-configured pool) because the URL comes
 * from {@code DATABASE_URL} in libpq form or from the embedded server; wrapped in {@link TenantDataSource} so that the
 * auto-commit statements of a workspace request run under row-level security too.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    /**
     * {@code DATABASE_MIGRATION_URL}: Flyway gets its own connection (direct or session mode), so migrations never
     * run through a transaction pooler.
     */
    @Bean
    FlywayConfigurationCustomizer migrationConnection(DatabaseProperties properties) {
        return configuration -> {
            if (properties.migrationUrl() != null && !properties.migrationUrl().isBlank()) {
                JdbcTarget migrations = DatabaseUrl.parse(properties.migrationUrl());
                log.info("Flyway migrates through DATABASE_MIGRATION_URL at {}", migrations.safeUrl());
                configuration.dataSource(migrations.jdbcUrl(), migrations.username(), migrations.password());
            }
        };
    }

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties, ObjectProvider<EarlyDatabaseStart> early) {
        // started by EarlyDatabaseStart while the context was being prepared, when the application's main did that
        EarlyDatabaseStart started = early.getIfAvailable();
        DatabaseServer server = started == null ? null : started.take(properties);
        return server != null ? server : DatabaseServer.start(properties);
    }

    @Bean(destroyMethod = "close")
    TenantDataSource dataSource(DatabaseServer server, DatabaseProperties properties,
            RowLevelSecurityProperties rowLevelSecurity) {
        JdbcTarget target = TransactionPooler.adapt(server.target(), properties.transactionPooler());
        if (TransactionPooler.detected(server.target(), properties.transactionPooler())) {
            log.info("DATABASE_URL is a transaction-mode pooler: statements are not prepared on the server");
            if (properties.migrationUrl() == null || properties.migrationUrl().isBlank()) {
                log.warn("Flyway migrates through the transaction pooler; set DATABASE_MIGRATION_URL to the direct or "
                        + "session-mode connection (docs/operations.md)");
            }
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("tttools");
        dataSource.setJdbcUrl(target.jdbcUrl());
        dataSource.setUsername(target.username());
        dataSource.setPassword(target.password());
        dataSource.setMaximumPoolSize(properties.maxPoolSize());
        dataSource.setConnectionTimeout(properties.connectionWait().toMillis());
        return new TenantDataSource(dataSource, rowLevelSecurity.enabled());
    }
}
