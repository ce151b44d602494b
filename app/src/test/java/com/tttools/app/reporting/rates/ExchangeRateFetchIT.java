package com.tttools.app.reporting.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.tiktok.TikTokMarketingApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetching the ECB's reference rates document from a configurable URL (here a local server answering with a document
 * in the ECB's format) into the reference table; a failed fetch keeps what is stored; simulator mode loads its fixed
 * table instead.
 */
class ExchangeRateFetchIT extends IntegrationTest {

    static final String PATH = "/stats/eurofxref/eurofxref-hist-90d.xml";

    @Autowired
    ExchangeRateStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    TikTokMarketingApi tiktok;
    @Autowired
    OutboundHttp outbound;

    static String sample() throws IOException {
        try (var in = ExchangeRateFetchIT.class.getResourceAsStream("/reporting/ecb-hist-90d-sample.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample's rates are from 2024: gone again, so that no other test converts with them. */
    @AfterEach
    void removeTheSamplesRates() {
        jdbc.sql("DELETE FROM reporting_exchange_rates WHERE source = 'ECB' AND rate_date BETWEEN '2024-06-07' AND '2024-06-11'")
                .update();
    }

    ExchangeRateFetch fetcher(FakeHttpProvider ecb) {
        TikTokMarketingApi live = (workspace, connection, actor) -> {
            throw new UnsupportedOperationException();
        };
        return new ExchangeRateFetch(store, new ExchangeRateProperties(URI.create(ecb.baseUrl() + PATH),
                Duration.ofHours(6), Duration.ofSeconds(5)), live, clock, outbound);
    }

    BigDecimal stored(String currency, String date) {
        return jdbc.sql("SELECT per_eur FROM reporting_exchange_rates WHERE currency = :c AND rate_date = :d")
                .param("c", currency).param("d", java.sql.Date.valueOf(date)).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void fetchesTheDocumentFromTheConfiguredUrlAndStoresEveryRate() throws IOException {
        try (FakeHttpProvider ecb = new FakeHttpProvider(new FakeHttpProvider.Answer(200, Map.of(), sample()))) {
            List<RateTable.Rate> rates = fetcher(ecb).fetch();
            assertThat(rates).hasSize(90);
            assertThat(ecb.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.path()).isEqualTo(PATH);
            });
            assertThat(stored("JPY", "2024-06-11")).isEqualByComparingTo("169.35");
            assertThat(stored("USD", "2024-06-07")).isEqualByComparingTo("1.0890");
            // the weekend after 2024-06-07 converts at Friday's rate, marked as earlier
            RateTable table = store.table(com.tttools.app.shared.WorkspaceId.random(), List.of("USD", "JPY"),
                    LocalDate.of(2024, 6, 8), LocalDate.of(2024, 6, 9));
            RateTable.Factor sunday = table.factor("USD", "EUR", LocalDate.of(2024, 6, 9)).orElseThrow();
            assertThat(sunday.rateDate()).isEqualTo(LocalDate.of(2024, 6, 7));
            assertThat(sunday.earlier()).isTrue();
            // fetching the same document again changes nothing
            assertThat(store.saveReference(rates, clock.instant())).isZero();
        }
    }

    @Test
    void anUnreachableOrBrokenSourceKeepsTheStoredRates() throws IOException {
        try (FakeHttpProvider ecb = new FakeHttpProvider(new FakeHttpProvider.Answer(200, Map.of(), sample()))) {
            fetcher(ecb).fetch();
            ecb.then(new FakeHttpProvider.Answer(503, Map.of(), "down"))
                    .then(new FakeHttpProvider.Answer(200, Map.of(), "<html>maintenance</html>"));
            assertThatThrownBy(() -> fetcher(ecb).fetch()).isInstanceOf(RestClientException.class)
                    .hasMessageContaining("503");
            assertThatThrownBy(() -> fetcher(ecb).fetch()).isInstanceOf(EcbRates.MalformedRatesException.class);
            assertThat(stored("JPY", "2024-06-11")).isEqualByComparingTo("169.35");
        }
    }

    @Test
    void simulatorModeLoadsTheFixedTableAndFetchesNothing() {
        assertThat(tiktok.simulatorMode()).isTrue();
        assertThat(store.referenceStatus()).extracting(ExchangeRateStore.ReferenceStatus::source)
                .contains(ExchangeRateFetch.SIMULATOR).doesNotContain(ExchangeRateFetch.ECB);
        assertThat(stored("VND", "2020-01-02")).isEqualByComparingTo("27000");
    }
}
