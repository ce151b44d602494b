package com.tttools.app.platform.config;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile the settings that have a development fallback must be given explicitly: an
 * embedded database, a guessed base URL or a generated encryption key are never acceptable in production.
 * Runs before any bean is created, so nothing (no embedded database) starts first.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionSettingsGuard {

    static final List<String> REQUIRED = List.of("DATABASE_URL", "TTTOOLS_BASE_URL", "TTTOOLS_ENCRYPTION_KEYS");

    @Bean
    static BeanFactoryPostProcessor productionSettingsCheck() {
        return new Check();
    }

    static List<String> missing(Environment environment) {
        return REQUIRED.stream().filter(name -> isBlank(environment.getProperty(name))).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            List<String> missing = missing(environment);
            if (!missing.isEmpty()) {
                throw new MissingProductionSettingsException(missing);
            }
        }
    }

}
