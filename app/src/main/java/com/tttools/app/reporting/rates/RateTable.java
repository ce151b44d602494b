package com.tttools.app.reporting.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Daily reference rates as the ECB publishes them, units of a currency per 1 EUR, per currency and date. EUR is 1 on
 * every date by definition. A day without its own rate (weekends, holidays, today before publication) uses the latest
 * rate before it, and says so. Immutable once built.
 */
public final class RateTable {

    /** Scale of a conversion factor: 12 decimals keep ≥ 10 significant digits even for JPY → KWD. */
    static final int FACTOR_SCALE = 12;

    /** One published rate: {@code perEur} units of the currency buy 1 EUR on {@code date}. */
    public record Rate(String currency, LocalDate date, BigDecimal perEur, String source) {
    }

    /**
     * Multiply an amount by {@code value} to convert it. {@code rateDate} is the oldest of the rates used;
     * {@code earlier} when it is before the day converted (no rate was published for that day).
     */
    public record Factor(BigDecimal value, LocalDate rateDate, boolean earlier) {
    }

    private final Map<String, NavigableMap<LocalDate, Rate>> rates;

    private RateTable(Map<String, NavigableMap<LocalDate, Rate>> rates) {
        this.rates = rates;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rate used for {@code day}: that day's, else the latest before it; empty when there is none. */
    public Optional<Rate> rate(String currency, LocalDate day) {
        if ("EUR".equals(currency)) {
            return Optional.of(new Rate("EUR", day, BigDecimal.ONE, "definition"));
        }
        NavigableMap<LocalDate, Rate> byDate = rates.get(currency);
        if (byDate == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, Rate> entry = byDate.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** The factor converting {@code from} into {@code to} on {@code day}; empty when either rate is missing. */
    public Optional<Factor> factor(String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return Optional.of(new Factor(BigDecimal.ONE, day, false));
        }
        Optional<Rate> source = rate(from, day);
        Optional<Rate> target = rate(to, day);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        LocalDate oldest = source.get().date().isBefore(target.get().date()) ? source.get().date() : target.get().date();
        BigDecimal value = target.get().perEur().divide(source.get().perEur(), FACTOR_SCALE, RoundingMode.HALF_EVEN);
        return Optional.of(new Factor(value, oldest, oldest.isBefore(day)));
    }

    public static final class Builder {

        private final Map<String, NavigableMap<LocalDate, Rate>> rates = new HashMap<>();

        private Builder() {
        }

        /** Adds a rate; a later call for the same currency and date replaces the earlier one. */
        public Builder add(String currency, LocalDate date, BigDecimal perEur, String source) {
            if (!"EUR".equals(currency)) {
                rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(date, new Rate(currency, date, perEur, source));
            }
            return this;
        }

        public RateTable build() {
            Map<String, NavigableMap<LocalDate, Rate>> copy = new HashMap<>();
            rates.forEach((c, m) -> copy.put(c, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(m))));
            return new RateTable(copy);
        }
    }
}
