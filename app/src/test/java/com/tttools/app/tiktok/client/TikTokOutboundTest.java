package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.support.Outbound;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.TikTokUnavailableException;
import com.tttools.app.tiktok.UnexpectedResponseException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Marketing API client and its OAuth token exchange as {@code TikTokClientConfiguration} wires them: an API base
 * URL on an untrusted internal address is never contacted (check 39); a redirect answering the token exchange is an
 * error, and the app secret in its body never travels to the redirect's target (check 40).
 */
class TikTokOutboundTest {

    static final String GRANT = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"1\",\"data\":{\"access_token\":\"t\","
            + "\"advertiser_ids\":[\"7\"],\"scope\":[1]}}";

    final TikTokClientConfiguration configuration = new TikTokClientConfiguration();

    TikTokOAuth oauth(URI base, OutboundHttp outbound) {
        TikTokProperties properties = new TikTokProperties("1", "app-secret-value", base, base.resolve("/portal/auth"),
                new TikTokProperties.RateLimit(1000, 1000, 0, null, Duration.ofMillis(100), "tttools:"),
                new TikTokProperties.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new TikTokProperties.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20), 0.25, 2));
        TikTokEndpoints endpoints = new TikTokEndpoints(properties, base, () -> 0);
        MarketingApi api = configuration.tiktokMarketingApiClient(properties, endpoints,
                new TikTokClientConfiguration.RateLimitStore(new LocalBucketSource()), JsonMapper.builder().build(),
                new SimpleMeterRegistry(), outbound);
        return configuration.tiktokOAuth(api, endpoints);
    }

    @Test
    void anUntrustedInternalApiBaseIsNeverContacted() throws Exception {
        try (StubServer api = new StubServer(request -> StubServer.Answer.json(GRANT))) {
            assertThatThrownBy(() -> oauth(api.base(), Outbound.trustingNothing()).exchangeAuthCode("code"))
                    .isInstanceOf(TikTokUnavailableException.class)
                    .hasMessageContaining("OutboundRefusedException");
            assertThat(api.received).isEmpty();

            assertThat(oauth(api.base(), Outbound.trustingLoopback()).exchangeAuthCode("code").advertiserIds())
                    .containsExactly("7");
            assertThat(api.received).hasSize(1);
        }
    }

    @Test
    void aRedirectedTokenExchangeIsAnErrorAndTheSecretGoesNowhereElse() throws Exception {
        try (StubServer elsewhere = new StubServer(request -> StubServer.Answer.json(GRANT));
             StubServer api = new StubServer(request -> new StubServer.Answer(307, "text/html", "",
                     elsewhere.base() + "/open_api/v1.3/oauth2/access_token/"))) {

            assertThatThrownBy(() -> oauth(api.base(), Outbound.trustingLoopback()).exchangeAuthCode("code"))
                    .isInstanceOf(UnexpectedResponseException.class);
            assertThat(api.received).hasSize(1);
            assertThat(elsewhere.received).isEmpty();
        }
    }
}
