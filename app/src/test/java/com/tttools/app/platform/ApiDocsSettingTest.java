package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Swagger UI and {@code /v3/api-docs} are closed in {@code prod} unless {@code TTTOOLS_API_DOCS=true}: the settings
 * springdoc reads, resolved from our application*.yml as Boot resolves them at start.
 */
class ApiDocsSettingTest {

    @Test
    void prodClosesTheApiDocsByDefault() {
        StandardEnvironment prod = environment(Map.of(), "prod");
        assertThat(prod.getProperty("springdoc.api-docs.enabled", Boolean.class)).isFalse();
        assertThat(prod.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
    }

    @Test
    void prodOpensThemWhenAsked() {
        StandardEnvironment prod = environment(Map.of("TTTOOLS_API_DOCS", "true"), "prod");
        assertThat(prod.getProperty("springdoc.api-docs.enabled", Boolean.class)).isTrue();
        assertThat(prod.getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isTrue();
    }

    @Test
    void developmentKeepsThemOn() {
        StandardEnvironment development = environment(Map.of());
        assertThat(development.getProperty("springdoc.api-docs.enabled", Boolean.class, true)).isTrue();
        assertThat(development.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true)).isTrue();
    }

    private static StandardEnvironment environment(Map<String, Object> variables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment.setActiveProfiles(profiles);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment;
    }
}
