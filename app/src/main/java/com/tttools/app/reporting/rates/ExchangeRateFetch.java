package com.tttools.app.reporting.rates;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tttools.app.platform.outbound.OutboundHttp;
import com.tttools.app.tiktok.TikTokMarketingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Keeps the reference rates current: a recurring task fetches the ECB document ({@code tttools.exchange-rates.url})
 * when the instance can reach it; a failed fetch is logged and the stored rates stay (reports then use the latest
 * rate before a day and say so). In simulator mode nothing is fetched: the fixed table {@value #SIMULATOR_TABLE}
 * (ECB format) is loaded at start-up instead.
 */
@Configuration(proxyBeanMethods = false)
public class ExchangeRateFetch {

    static final String TASK = "exchange-rates-fetch";
    static final String SIMULATOR_TABLE = "reporting/simulator-exchange-rates.xml";
    public static final String ECB = "ECB";
    public static final String SIMULATOR = "fixed simulator table";

    private static final Logger log = LoggerFactory.getLogger(ExchangeRateFetch.class);

    private final ExchangeRateStore store;
    private final ExchangeRateProperties properties;
    private final boolean simulatorMode;
    private final Clock clock;
    private final RestClient http;

    ExchangeRateFetch(ExchangeRateStore store, ExchangeRateProperties properties, TikTokMarketingApi tiktok,
            Clock clock, OutboundHttp outbound) {
        this.store = store;
        this.properties = properties;
        this.simulatorMode = tiktok.simulatorMode();
        this.clock = clock;
        // no redirects: a moved document is a failed fetch (logged), not a hop to wherever the answer points
        this.http = outbound.restClient(properties.timeout(), properties.timeout()).build();
    }

    @Bean
    RecurringTask<Void> exchangeRatesFetch() {
        return Tasks.recurring(TASK, Schedules.fixedDelay(properties.fetchEvery()))
                .execute((instance, context) -> {
                    if (!simulatorMode && properties.fetches()) {
                        fetchQuietly();
                    }
                });
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadSimulatorTable() {
        if (simulatorMode) {
            try (InputStream in = new ClassPathResource(SIMULATOR_TABLE).getInputStream()) {
                store.saveReference(EcbRates.parse(in, SIMULATOR), clock.instant());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fetches and stores the document now; returns the rates read. Fails on an unreachable or malformed answer. */
    public List<RateTable.Rate> fetch() {
        List<RateTable.Rate> rates = http.get().uri(properties.url()).accept(org.springframework.http.MediaType.ALL)
                .exchange((request, response) -> {
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new RestClientException("the rates source answered " + response.getStatusCode().value());
                    }
                    return EcbRates.parse(response.getBody(), ECB);
                });
        int written = store.saveReference(rates, clock.instant());
        log.info("Exchange rates fetched from {}: {} rates, {} new or changed", properties.url(), rates.size(), written);
        return rates;
    }

    private void fetchQuietly() {
        try {
            fetch();
        } catch (RestClientException | EcbRates.MalformedRatesException e) {
            log.warn("Exchange rates not fetched from {}: {} (the stored rates stay in use)", properties.url(),
                    e.getMessage());
        }
    }
}
