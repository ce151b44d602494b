package com.tttools.app.reporting.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.ReportResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversion into a reporting currency against a fixed rate table: sums, rounding, earlier rates, missing rates. */
class CurrencyConversionTest {

    static final LocalDate MON = LocalDate.of(2024, 6, 10);
    static final LocalDate TUE = LocalDate.of(2024, 6, 11);
    static final LocalDate SAT = LocalDate.of(2024, 6, 15);

    /** Units per 1 EUR, as the ECB publishes them; no KRW at all, no rate on the weekend. */
    static final RateTable TABLE = RateTable.builder()
            .add("USD", MON, new BigDecimal("1.0765"), "ECB").add("JPY", MON, new BigDecimal("168.99"), "ECB")
            .add("USD", TUE, new BigDecimal("1.0800"), "ECB").add("JPY", TUE, new BigDecimal("169.35"), "ECB")
            .add("GBP", TUE, new BigDecimal("0.84365"), "ECB")
            .build();

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void sumsTheExactProductsOfEachDaysRateAndRoundsOnlyTheSum() {
        CurrencyConversion toUsd = new CurrencyConversion(TABLE, "USD");
        CurrencyConversion.Sum sum = toUsd.sum(List.of(
                new CurrencyConversion.Amount("USD", MON, d("10.00")),
                new CurrencyConversion.Amount("JPY", MON, d("154736")),    // 154736 × 1.0765 / 168.99 = 985.70…
                new CurrencyConversion.Amount("JPY", TUE, d("1000")),      // 1000 × 1.08 / 169.35 = 6.3773…
                new CurrencyConversion.Amount("EUR", TUE, d("100.00"))));  // × 1.08 = 108
        BigDecimal exact = d("10.00")
                .add(d("154736").multiply(d("1.0765").divide(d("168.99"), 12, java.math.RoundingMode.HALF_EVEN)))
                .add(d("1000").multiply(d("1.08").divide(d("169.35"), 12, java.math.RoundingMode.HALF_EVEN)))
                .add(d("108.00"));
        assertThat(sum.missing()).isEmpty();
        assertThat(sum.exact()).isEqualByComparingTo(exact);
        assertThat(sum.total()).isEqualTo(d("1110.08"));
        assertThat(sum.total().scale()).isEqualTo(2);
        // JPY 154,736 is worth less than USD 1,592.72: comparing converted amounts ranks them right
        assertThat(toUsd.sum(List.of(new CurrencyConversion.Amount("JPY", MON, d("154736")))).total())
                .isLessThan(d("1592.72"));
    }

    @Test
    void roundsHalfUpToTheReportingCurrencysMinorUnit() {
        RateTable one = RateTable.builder().add("USD", MON, d("2"), "ECB").add("JPY", MON, d("200"), "ECB")
                .add("KWD", MON, d("0.5"), "ECB").build();
        // 0.005 EUR × 2 = 0.010 USD; 0.0025 EUR × 2 = 0.005 USD → 0.01 (half up)
        assertThat(new CurrencyConversion(one, "USD").sum(List.of(new CurrencyConversion.Amount("EUR", MON, d("0.0025"))))
                .total()).isEqualTo(d("0.01"));
        // JPY has no minor unit: 1.25 USD × 100 = 125 JPY; 0.005 USD → 0.5 JPY → 1
        assertThat(new CurrencyConversion(one, "JPY").sum(List.of(new CurrencyConversion.Amount("USD", MON, d("0.005"))))
                .total()).isEqualTo(d("1"));
        // KWD has three decimals: 1 USD × 0.25 = 0.250
        assertThat(new CurrencyConversion(one, "KWD").sum(List.of(new CurrencyConversion.Amount("USD", MON, d("1"))))
                .total()).isEqualTo(d("0.250"));
    }

    @Test
    void aDayWithoutItsOwnRateUsesTheLatestBeforeItAndSaysSo() {
        CurrencyConversion toUsd = new CurrencyConversion(TABLE, "USD");
        RateTable.Factor saturday = toUsd.factor("JPY", SAT).orElseThrow();
        assertThat(saturday.rateDate()).isEqualTo(TUE);
        assertThat(saturday.earlier()).isTrue();
        assertThat(toUsd.factor("JPY", TUE).orElseThrow().earlier()).isFalse();
        CurrencyConversion.Sum sum = toUsd.sum(List.of(new CurrencyConversion.Amount("JPY", SAT, d("16935"))));
        assertThat(sum.total()).isEqualTo(d("108.00"));
        assertThat(sum.earlierRateDays()).containsExactly(SAT);
        // GBP → USD on Monday: GBP's first rate is Tuesday, so none on or before Monday
        assertThat(toUsd.factor("GBP", MON)).isEmpty();
    }

    @Test
    void aMissingRateMakesTheSumUnknownNeverZeroAndNamesIt() {
        CurrencyConversion toUsd = new CurrencyConversion(TABLE, "USD");
        CurrencyConversion.Sum sum = toUsd.sum(List.of(new CurrencyConversion.Amount("USD", TUE, d("5.00")),
                new CurrencyConversion.Amount("KRW", TUE, d("14810"))));
        assertThat(sum.total()).isNull();
        assertThat(sum.missing()).containsExactly(new CurrencyConversion.Missing("KRW", TUE));

        ReportResult.Conversion described = toUsd.describe(List.of("USD", "KRW", "JPY"), MON, TUE);
        assertThat(described.currency()).isEqualTo("USD");
        assertThat(described.notices()).singleElement().asString()
                .contains("No exchange rate from KRW to USD").contains("2 days between 2024-06-10 and 2024-06-11")
                .contains("not 0");
        assertThat(described.rates()).extracting(ReportResult.Conversion.RateUsed::currency).containsExactly("JPY", "USD");
        ReportResult.Conversion.RateUsed jpy = described.rates().get(0);
        assertThat(jpy.firstDate()).isEqualTo(MON);
        assertThat(jpy.lastDate()).isEqualTo(TUE);
        assertThat(jpy.latestPerEur()).isEqualTo(d("169.35"));
        assertThat(jpy.sources()).isEqualTo("ECB");
        assertThat(described.earlierRateDays()).isEmpty();
    }

    @Test
    void theReportingCurrencyItselfNeedsNoRate() {
        CurrencyConversion toKrw = new CurrencyConversion(RateTable.builder().build(), "KRW");
        assertThat(toKrw.sum(List.of(new CurrencyConversion.Amount("KRW", SAT, d("1234.5")))).total()).isEqualTo(d("1235"));
        assertThat(toKrw.describe(List.of("KRW"), MON, SAT).notices()).isEmpty();
    }

    @Test
    void aRateTheWorkspaceEnteredReplacesTheReferenceRateOfThatDay() {
        RateTable table = RateTable.builder().add("USD", TUE, d("1.08"), "ECB")
                .add("USD", TUE, d("1.10"), ExchangeRateStore.WORKSPACE_SOURCE).build();
        assertThat(table.rate("USD", TUE).orElseThrow().perEur()).isEqualTo(d("1.10"));
        assertThat(new CurrencyConversion(table, "USD").describe(List.of("EUR"), TUE, TUE).rates().get(0).sources())
                .isEqualTo(ExchangeRateStore.WORKSPACE_SOURCE);
    }
}
