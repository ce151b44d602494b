package com.tttools.app.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Spring Session's own transactions (it saves the session when the response is committed, which may be while a
     * workspace page renders) keep the login role: the session tables have no tenant, and a role switch there would
     * be one more round trip for nothing. Same settings as Spring Session's default (a new transaction), named
     * {@link TenantScope#SYSTEM}. Not a default candidate: Spring Session asks for it by name, everything else that
     * wants a {@code TransactionTemplate} keeps Boot's.
     */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(JdbcTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.setName(TenantScope.SYSTEM);
        return template;
    }
}
