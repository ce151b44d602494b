package com.tttools.app.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The application's one transaction manager: Boot's, aware of {@link TenantScope}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RowLevelSecurityProperties.class)
class RowLevelSecurityConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, RowLevelSecurityProperties properties,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        TenantTransactionManager manager = new TenantTransactionManager(dataSource, properties.enabled());
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
