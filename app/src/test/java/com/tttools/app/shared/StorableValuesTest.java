package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StorableValuesTest {

    @Test
    void textWithNulOrAnUnpairedSurrogateIsNotStorableAndIsSanitised() {
        assertThat(StorableValues.isStorable("plain \uD83D\uDE00 pair")).isTrue();
        assertThat(StorableValues.isStorable("nul\u0000")).isFalse();
        assertThat(StorableValues.isStorable("high \uD800")).isFalse();
        assertThat(StorableValues.isStorable("low \uDC00 first")).isFalse();
        assertThat(StorableValues.sanitize("a\u0000b \uD800 c \uDC00\uD83D\uDE00")).isEqualTo("ab \uFFFD c \uFFFD\uD83D\uDE00");
        String clean = "unchanged";
        assertThat(StorableValues.sanitize(clean)).isSameAs(clean);
    }

    @Test
    void datesAndInstantsOutsideTheYears1To9999AreNotStorable() {
        assertThat(StorableValues.isStorable(LocalDate.parse("-5000-01-01"))).isFalse();
        assertThat(StorableValues.isStorable(LocalDate.parse("+100000-01-01"))).isFalse();
        assertThat(StorableValues.isStorable(LocalDate.of(2026, 12, 4))).isTrue();
        assertThat(StorableValues.isStorable(Instant.parse("+999999999-12-31T23:59:59Z"))).isFalse();
        assertThat(StorableValues.isStorable(Instant.parse("9999-12-31T23:59:59Z"))).isTrue();
        assertThat(StorableValues.isStorable(Instant.parse("0000-12-31T23:59:59Z"))).isFalse();
    }
}
