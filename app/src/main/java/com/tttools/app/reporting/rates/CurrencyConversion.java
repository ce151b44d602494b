package com.tttools.app.reporting.rates;

import com.tttools.app.reporting.ReportResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Converts amounts, each in its own currency on its own day, into one reporting currency at a {@link RateTable}.
 * Each amount is multiplied by its day's factor and the exact products are summed; only the sum is rounded, once,
 * to the reporting currency's minor unit (half up). An amount whose rate is missing makes the sum unknown (null),
 * never 0 and never a partial sum, and is named in a notice.
 */
public final class CurrencyConversion {

    /** An amount of {@code currency} spent on {@code day}. */
    public record Amount(String currency, LocalDate day, BigDecimal value) {
    }

    public record Missing(String currency, LocalDate day) {
    }

    /** {@code total} rounded, or null with {@code missing} naming the amounts that had no rate. */
    public record Sum(BigDecimal total, BigDecimal exact, List<Missing> missing, SortedSet<LocalDate> earlierRateDays) {
    }

    private final RateTable rates;
    private final String target;

    public CurrencyConversion(RateTable rates, String target) {
        this.rates = rates;
        this.target = target;
    }

    public String target() {
        return target;
    }

    public Optional<RateTable.Factor> factor(String currency, LocalDate day) {
        return rates.factor(currency, target, day);
    }

    public Sum sum(Collection<Amount> amounts) {
        BigDecimal exact = BigDecimal.ZERO;
        List<Missing> missing = new ArrayList<>();
        SortedSet<LocalDate> earlier = new TreeSet<>();
        for (Amount amount : amounts) {
            Optional<RateTable.Factor> factor = factor(amount.currency(), amount.day());
            if (factor.isEmpty()) {
                missing.add(new Missing(amount.currency(), amount.day()));
                continue;
            }
            exact = exact.add(amount.value().multiply(factor.get().value()));
            if (factor.get().earlier()) {
                earlier.add(amount.day());
            }
        }
        return missing.isEmpty() ? new Sum(round(exact), exact, List.of(), earlier)
                : new Sum(null, null, List.copyOf(missing), earlier);
    }

    /** Rounded to the reporting currency's minor unit (2 decimals for USD, 0 for JPY, 3 for KWD), half up. */
    public BigDecimal round(BigDecimal exact) {
        return exact == null ? null : exact.setScale(fractionDigits(target), RoundingMode.HALF_UP);
    }

    public static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /**
     * Which rates converting {@code currencies} into the reporting currency over {@code from..to} use (per currency:
     * first and last rate date, the latest rate, its sources), the days converted at an earlier day's rate, and a
     * notice per currency that has days without any rate.
     */
    public ReportResult.Conversion describe(Collection<String> currencies, LocalDate from, LocalDate to) {
        Map<String, List<RateTable.Rate>> used = new TreeMap<>();
        SortedSet<LocalDate> earlier = new TreeSet<>();
        List<String> notices = new ArrayList<>();
        for (String currency : new TreeSet<>(currencies)) {
            if (currency.equals(target)) {
                continue;
            }
            List<LocalDate> missing = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Optional<RateTable.Factor> factor = factor(currency, day);
                if (factor.isEmpty()) {
                    missing.add(day);
                    continue;
                }
                if (factor.get().earlier()) {
                    earlier.add(day);
                }
                for (String side : List.of(currency, target)) {
                    if (!side.equals("EUR")) {
                        rates.rate(side, day).ifPresent(r -> used.computeIfAbsent(side, c -> new ArrayList<>()).add(r));
                    }
                }
            }
            if (!missing.isEmpty()) {
                notices.add("No exchange rate from " + currency + " to " + target + " for " + days(missing)
                        + ": those " + currency + " amounts are not converted (shown as “—”, not 0). An admin can add the"
                        + " rate under Exchange rates in the workspace settings.");
            }
        }
        List<ReportResult.Conversion.RateUsed> summary = new ArrayList<>();
        used.forEach((currency, list) -> {
            RateTable.Rate first = list.stream().min(java.util.Comparator.comparing(RateTable.Rate::date)).orElseThrow();
            RateTable.Rate last = list.stream().max(java.util.Comparator.comparing(RateTable.Rate::date)).orElseThrow();
            String sources = String.join(", ", new TreeSet<>(list.stream().map(RateTable.Rate::source).toList()));
            summary.add(new ReportResult.Conversion.RateUsed(currency, first.date(), last.date(), last.perEur(), sources));
        });
        return new ReportResult.Conversion(target, List.copyOf(summary), List.copyOf(earlier), List.copyOf(notices));
    }

    private static String days(List<LocalDate> days) {
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        return first.equals(last) ? first.toString() : days.size() + " days between " + first + " and " + last;
    }
}
