package com.tttools.app.notifications.alerts;

import com.tttools.app.reporting.DailyFacts.DailyFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules' conditions on one entity's daily facts, shared by the live evaluation and the backtest. Pure: the
 * facts, the day, how much of that day has passed ({@code 1} for a finished day) and the campaign's daily budget
 * come in; whether the rule holds, with the value it saw, comes out.
 */
final class AlertConditions {

    /** CTR says little below this many impressions in a day; the rule waits for them. */
    static final long CTR_MIN_IMPRESSIONS = 1000;
    /** The anomaly needs this many earlier same weekdays (of the last four) to judge. */
    static final int ANOMALY_MIN_WEEKS = 3;

    /** One entity's facts by day. */
    record Series(String advertiserId, String entityId, String entityName, String currency, Map<LocalDate, DailyFact> byDay) {
        DailyFact on(LocalDate day) {
            return byDay.get(day);
        }
    }

    /** A rule that holds for an entity on a day: the value it saw and a sentence saying so. */
    record Candidate(String advertiserId, String entityId, String entityName, LocalDate day, BigDecimal value,
            String message) {
    }

    private AlertConditions() {
    }

    static Optional<Candidate> check(AlertRule rule, Series series, LocalDate day, double fraction,
            BigDecimal dailyBudget) {
        DailyFact today = series.on(day);
        String currency = series.currency() == null ? "" : " " + series.currency();
        BigDecimal threshold = rule.threshold();
        return switch (rule.kind()) {
            case SPEND_TODAY -> {
                BigDecimal spend = today == null ? BigDecimal.ZERO : today.spend();
                yield spend.compareTo(threshold) > 0
                        ? hit(series, day, spend, "Spend " + money(spend) + currency + " is above " + money(threshold) + currency)
                        : Optional.empty();
            }
            case CPA -> {
                int days = rule.windowDays() == null ? 1 : rule.windowDays();
                BigDecimal spend = BigDecimal.ZERO;
                long conversions = 0;
                for (int i = 0; i < days; i++) {
                    DailyFact f = series.on(day.minusDays(i));
                    if (f != null) {
                        spend = spend.add(f.spend());
                        conversions += f.conversions();
                    }
                }
                if (conversions == 0) {
                    // no conversion at all: the cost per conversion is above any threshold the spend already passed
                    yield spend.compareTo(threshold) > 0 ? hit(series, day, spend, "Spent " + money(spend) + currency
                            + " over " + days + " days without a conversion (cost per conversion above "
                            + money(threshold) + currency + ")") : Optional.empty();
                }
                BigDecimal cpa = spend.divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP);
                yield cpa.compareTo(threshold) > 0 ? hit(series, day, cpa, "Cost per conversion over " + days
                        + " days is " + money(cpa) + currency + ", above " + money(threshold) + currency) : Optional.empty();
            }
            case CTR -> {
                if (today == null || today.impressions() < CTR_MIN_IMPRESSIONS) {
                    yield Optional.empty();
                }
                BigDecimal ctr = BigDecimal.valueOf(today.clicks() * 100.0 / today.impressions()).setScale(2, RoundingMode.HALF_UP);
                yield ctr.compareTo(threshold) < 0
                        ? hit(series, day, ctr, "CTR is " + ctr.toPlainString() + "%, below " + threshold.stripTrailingZeros().toPlainString() + "%")
                        : Optional.empty();
            }
            case PACING -> {
                if (dailyBudget == null || dailyBudget.signum() <= 0 || today == null || fraction <= 0) {
                    yield Optional.empty();
                }
                BigDecimal projected = today.spend().divide(BigDecimal.valueOf(Math.max(fraction, 1.0 / 24)), 2,
                        RoundingMode.HALF_UP);
                BigDecimal percent = projected.multiply(BigDecimal.valueOf(100)).divide(dailyBudget, 1, RoundingMode.HALF_UP);
                yield percent.compareTo(threshold) > 0 ? hit(series, day, percent, "Spend is on course for "
                        + money(projected) + currency + " today, " + percent.toPlainString() + "% of the daily budget of "
                        + money(dailyBudget) + currency) : Optional.empty();
            }
            case ZERO_DELIVERY -> {
                // a finished day without impressions, for a campaign that delivered before it
                boolean deliveredBefore = series.byDay().entrySet().stream()
                        .anyMatch(e -> e.getKey().isBefore(day) && e.getValue().impressions() > 0);
                yield deliveredBefore && (today == null || today.impressions() == 0)
                        ? hit(series, day, BigDecimal.ZERO, "No impressions all day") : Optional.empty();
            }
            case ANOMALY -> anomaly(rule, series, day, fraction);
        };
    }

    private static Optional<Candidate> anomaly(AlertRule rule, Series series, LocalDate day, double fraction) {
        List<Double> earlier = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            DailyFact f = series.on(day.minusWeeks(week));
            if (f != null) {
                earlier.add(value(rule.metric(), f));
            }
        }
        if (earlier.size() < ANOMALY_MIN_WEEKS) {
            return Optional.empty();
        }
        DailyFact today = series.on(day);
        double now = today == null ? 0 : value(rule.metric(), today);
        // a day in progress is compared with the same share of the earlier days
        double mean = earlier.stream().mapToDouble(d -> d).average().orElse(0) * fraction;
        double variance = earlier.stream().mapToDouble(d -> Math.pow(d * fraction - mean, 2)).sum() / (earlier.size() - 1);
        double sd = Math.sqrt(variance);
        double k = rule.threshold().doubleValue();
        if (sd == 0 ? Math.abs(now - mean) < 1e-9 : Math.abs(now - mean) <= k * sd) {
            return Optional.empty();
        }
        BigDecimal shown = BigDecimal.valueOf(now).setScale(2, RoundingMode.HALF_UP);
        String direction = now > mean ? "above" : "below";
        String sigmas = sd == 0 ? "" : " (" + BigDecimal.valueOf(Math.abs(now - mean) / sd).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + " standard deviations)";
        return hit(series, day, shown, metricLabel(rule.metric()) + " " + shown.stripTrailingZeros().toPlainString() + " is "
                + direction + " the usual " + BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " for this weekday" + sigmas);
    }

    /** The metrics an anomaly rule may watch. */
    static final List<String> ANOMALY_METRICS = List.of("spend", "impressions", "clicks", "conversions");

    static String metricLabel(String metric) {
        return switch (metric == null ? "spend" : metric) {
            case "impressions" -> "Impressions";
            case "clicks" -> "Clicks";
            case "conversions" -> "Conversions";
            default -> "Spend";
        };
    }

    private static double value(String metric, DailyFact f) {
        return switch (metric == null ? "spend" : metric) {
            case "impressions" -> f.impressions();
            case "clicks" -> f.clicks();
            case "conversions" -> f.conversions();
            default -> f.spend().doubleValue();
        };
    }

    private static Optional<Candidate> hit(Series series, LocalDate day, BigDecimal value, String message) {
        return Optional.of(new Candidate(series.advertiserId(), series.entityId(), series.entityName(), day, value, message));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
