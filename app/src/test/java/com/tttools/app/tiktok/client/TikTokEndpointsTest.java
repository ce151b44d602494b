package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.tiktok.client.TikTokProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TikTokEndpointsTest {

    @Test
    void simulatorModeUsesTheBaseUrlWithTheRealPortAndTheDevApp() {
        TikTokEndpoints endpoints = new TikTokEndpoints(properties(null, null), URI.create("http://localhost:0/"), () -> 54321);

        assertThat(endpoints.simulator()).isTrue();
        assertThat(endpoints.apiBase()).hasToString("http://localhost:54321/tiktok-sim");
        assertThat(endpoints.authPage()).hasToString("http://localhost:54321/tiktok-sim/portal/auth");
        assertThat(endpoints.appId()).isEqualTo("7000000000000000001");
    }

    @Test
    void simulatorModeKeepsAnExplicitPublicBaseUrl() {
        TikTokEndpoints endpoints = new TikTokEndpoints(properties(null, null), URI.create("https://dev.example.com"), () -> 1);

        assertThat(endpoints.apiBase()).hasToString("https://dev.example.com/tiktok-sim");
    }

    @Test
    void withCredentialsTheConfiguredTikTokUrlsAreUsed() {
        TikTokEndpoints endpoints = new TikTokEndpoints(properties("42", "s"), URI.create("http://localhost:0"), () -> 1);

        assertThat(endpoints.simulator()).isFalse();
        assertThat(endpoints.apiBase()).hasToString("https://business-api.tiktok.com");
        assertThat(endpoints.authPage()).hasToString("https://business-api.tiktok.com/portal/auth");
        assertThat(endpoints.appId()).isEqualTo("42");
    }

    @Test
    void productionWithoutCredentialsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TikTokEndpoints.requireCredentialsInProduction(properties(null, null), true))
                .hasMessageContaining("TIKTOK_APP_ID");
        TikTokEndpoints.requireCredentialsInProduction(properties("42", "s"), true);
        TikTokEndpoints.requireCredentialsInProduction(properties(null, null), false);
    }

    @Test
    void anAppIdWithoutSecretIsInvalid() {
        assertThat(properties("42", null).isCredentialsComplete()).isFalse();
        assertThat(properties(null, null).isCredentialsComplete()).isTrue();
    }

    private static TikTokProperties properties(String appId, String secret) {
        return new TikTokProperties(appId, secret, URI.create("https://business-api.tiktok.com/"),
                URI.create("https://business-api.tiktok.com/portal/auth"),
                new TikTokProperties.RateLimit(10, 20, 3, null, Duration.ofMillis(500), "tttools:"),
                new TikTokProperties.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new TikTokProperties.Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 1.0, 10));
    }
}
