package com.tttools.app.reporting.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.FakeHttpProvider.Answer;
import com.tttools.app.support.Outbound;
import com.tttools.app.tiktok.TikTokMarketingApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * The ECB fetch on the shared outbound factory: an untrusted internal rates URL is never contacted (check 39), and a
 * redirect is a failed fetch, not a hop to wherever it points (check 40). Nothing reaches the store in either case.
 */
class ExchangeRateOutboundTest {

    FakeHttpProvider ecb = new FakeHttpProvider(new Answer(200, Map.of(), "<not-reached/>"));
    FakeHttpProvider elsewhere = new FakeHttpProvider(new Answer(200, Map.of(), "<not-reached/>"));

    @AfterEach
    void close() {
        ecb.close();
        elsewhere.close();
    }

    ExchangeRateFetch fetcher(OutboundHttp outbound) {
        TikTokMarketingApi live = (workspace, connection, actor) -> {
            throw new UnsupportedOperationException();
        };
        ExchangeRateProperties properties = new ExchangeRateProperties(URI.create(ecb.baseUrl() + "/rates.xml"),
                Duration.ofHours(6), Duration.ofSeconds(5));
        return new ExchangeRateFetch(null, properties, live, Clock.systemUTC(), outbound);
    }

    @Test
    void anUntrustedInternalRatesUrlIsNeverContacted() {
        assertThatThrownBy(() -> fetcher(Outbound.trustingNothing()).fetch())
                .isInstanceOf(ResourceAccessException.class)
                .hasMessageContaining("refused");
        assertThat(ecb.requests()).isEmpty();
    }

    @Test
    void aRedirectIsAFailedFetchAndIsNotFollowed() {
        ecb.then(new Answer(301, Map.of("Location", elsewhere.baseUrl() + "/rates.xml"), ""));

        assertThatThrownBy(() -> fetcher(Outbound.trustingLoopback()).fetch())
                .isInstanceOf(RestClientException.class)
                .hasMessageContaining("301");
        assertThat(ecb.requests()).hasSize(1);
        assertThat(elsewhere.requests()).isEmpty();
    }
}
