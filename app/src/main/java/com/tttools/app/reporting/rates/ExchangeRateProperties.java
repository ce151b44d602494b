package com.tttools.app.reporting.rates;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param url        the ECB reference rates document (daily, 90-day or full history, same format); empty: never fetch.
 *                   Not fetched in simulator mode, which loads a fixed table instead.
 * @param fetchEvery how often to fetch it (the ECB publishes once a working day, around 16:00 CET)
 * @param timeout    connect and read timeout of one fetch
 */
@Validated
@ConfigurationProperties("tttools.exchange-rates")
public record ExchangeRateProperties(
        URI url,
        @DefaultValue("6h") @NotNull Duration fetchEvery,
        @DefaultValue("20s") @NotNull Duration timeout) {

    public boolean fetches() {
        return url != null && !url.toString().isBlank();
    }
}
