package com.tttools.app.tiktok.client;

import com.tttools.app.platform.outbound.OutboundHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the client: one HTTP client from the shared outbound factory, one rate limiter and one retry policy per node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TikTokProperties.class)
class TikTokClientConfiguration {

    /** The server's port once it listens; the simulator's URL needs it when the base URL says port 0. */
    private final AtomicInteger localPort = new AtomicInteger();

    @Bean
    ApplicationListener<WebServerInitializedEvent> tiktokLocalPortListener() {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                localPort.set(event.getWebServer().getPort());
            }
        };
    }

    @Bean
    TikTokEndpoints tiktokEndpoints(TikTokProperties properties, Environment environment) {
        TikTokEndpoints.requireCredentialsInProduction(properties, environment.acceptsProfiles(Profiles.of("prod")));
        URI publicBaseUrl = URI.create(environment.getRequiredProperty("tttools.base-url"));
        return new TikTokEndpoints(properties, publicBaseUrl, localPort::get);
    }

    @Bean(destroyMethod = "close")
    RateLimitStore tiktokRateLimitStore(TikTokProperties properties) {
        TikTokProperties.RateLimit limits = properties.rateLimit();
        return new RateLimitStore(limits.redisConfigured()
                ? new RedisBucketSource(limits.redisUrl(), limits.redisTimeout(), limits.redisKeyPrefix())
                : new LocalBucketSource());
    }

    @Bean
    MarketingApi tiktokMarketingApiClient(TikTokProperties properties, TikTokEndpoints endpoints,
                                          RateLimitStore store, JsonMapper json, MeterRegistry meters,
                                          OutboundHttp outbound) {
        RestClient rest = outbound.restClient(properties.timeouts().connect(), properties.timeouts().read()).build();
        TikTokProperties.RateLimit limits = properties.rateLimit();
        TikTokMetrics metrics = new TikTokMetrics(meters);
        SharedRateLimiter limiter = new SharedRateLimiter(store.source(), limits.appQps(),
                limits.advertiserPathQps(), limits.backgroundReserve(), metrics);
        return new MarketingApiClient(new HttpTransport(rest, json, endpoints), new ResponseReader(json), limiter,
                endpoints, properties.retry(), Sleeper.REAL, metrics);
    }

    @Bean
    TikTokOAuth tiktokOAuth(MarketingApi api, TikTokEndpoints endpoints) {
        return new OAuthClient(api, endpoints);
    }

    /** Holds the bucket store so a Redis connection is closed with the context. */
    record RateLimitStore(BucketSource source) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (source instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
