package com.tttools.app.reporting.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ECB reference rates document, as eurofxref-hist-90d.xml has it, and what is not one. */
class EcbRatesTest {

    static InputStream sample() {
        return EcbRatesTest.class.getResourceAsStream("/reporting/ecb-hist-90d-sample.xml");
    }

    static InputStream text(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryDayAndCurrencyOfTheDocument() {
        List<RateTable.Rate> rates = EcbRates.parse(sample(), "ECB");
        assertThat(rates).hasSize(90);
        assertThat(rates).extracting(RateTable.Rate::date).containsOnly(LocalDate.of(2024, 6, 11),
                LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 7));
        assertThat(rates).filteredOn(r -> r.currency().equals("JPY") && r.date().equals(LocalDate.of(2024, 6, 11)))
                .singleElement().satisfies(r -> {
                    assertThat(r.perEur()).isEqualTo(new BigDecimal("169.35"));
                    assertThat(r.source()).isEqualTo("ECB");
                });
        assertThat(rates).extracting(RateTable.Rate::currency).doesNotContain("EUR");
    }

    @Test
    void theSimulatorsFixedTableIsInTheSameFormat() {
        List<RateTable.Rate> rates = EcbRates.parse(
                EcbRatesTest.class.getResourceAsStream("/" + ExchangeRateFetch.SIMULATOR_TABLE), "fixed");
        assertThat(rates).extracting(RateTable.Rate::currency).contains("USD", "JPY", "GBP", "BRL", "VND", "CLP");
    }

    @Test
    void refusesWhatIsNotARatesDocument() {
        assertThatThrownBy(() -> EcbRates.parse(text("<html>maintenance</html>"), "ECB"))
                .isInstanceOf(EcbRates.MalformedRatesException.class).hasMessageContaining("no rates");
        assertThatThrownBy(() -> EcbRates.parse(text("not xml"), "ECB"))
                .isInstanceOf(EcbRates.MalformedRatesException.class);
        assertThatThrownBy(() -> EcbRates.parse(text("<Cube><Cube time='2024-06-11'><Cube currency='USD' rate='abc'/></Cube></Cube>"), "ECB"))
                .isInstanceOf(EcbRates.MalformedRatesException.class);
        assertThatThrownBy(() -> EcbRates.parse(text("<Cube><Cube time='2024-06-11'><Cube currency='USD' rate='-1'/></Cube></Cube>"), "ECB"))
                .isInstanceOf(EcbRates.MalformedRatesException.class);
        assertThatThrownBy(() -> EcbRates.parse(text("<Cube><Cube currency='USD' rate='1.1'/></Cube>"), "ECB"))
                .isInstanceOf(EcbRates.MalformedRatesException.class);
    }

    @Test
    void neverResolvesEntitiesOrDtds() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<Cube><Cube time='2024-06-11'><Cube currency='USD' rate='&x;'/></Cube></Cube>";
        assertThatThrownBy(() -> EcbRates.parse(text(xxe), "ECB")).isInstanceOf(EcbRates.MalformedRatesException.class);
    }
}
