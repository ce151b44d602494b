package com.tttools.app.platform.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform layer.
 *
 * @param baseUrl       {@code TTTOOLS_BASE_URL}: the public URL users reach, used in emails and OAuth redirects;
 *                      an https URL also makes cookies Secure
 * @param metricsToken  {@code TTTOOLS_METRICS_TOKEN}: bearer token for /actuator/prometheus; unset = closed
 */
@Validated
@ConfigurationProperties("tttools")
public record PlatformProperties(@NotNull URI baseUrl, String metricsToken) {

    public boolean https() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }
}
