package com.tttools.app.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pool over the chosen server. Declared by hand (not Boot's auto-configured pool) because the URL comes
 * from {@code DATABASE_URL} in libpq form or from the embedded server.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return DatabaseServer.start(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("tttools");
        dataSource.setJdbcUrl(server.target().jdbcUrl());
        dataSource.setUsername(server.target().username());
        dataSource.setPassword(server.target().password());
        dataSource.setMaximumPoolSize(properties.maxPoolSize());
        return dataSource;
    }
}
