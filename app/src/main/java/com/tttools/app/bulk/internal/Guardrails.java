package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's guardrails, as pure checks: blackout hours, cooldown per entity, most budget increase per entity
 * within 24 h. The ledger of past writes ({@link LedgerEntry}) is read by the caller.
 */
final class Guardrails {

    static final Duration INCREASE_WINDOW = Duration.ofHours(24);

    /** A past write to one entity: when, and its budget before and after (null for status writes). */
    record LedgerEntry(Instant changedAt, BigDecimal beforeBudget, BigDecimal afterBudget) {
    }

    /** One entity a change set would change. */
    record Change(String tiktokId, String name, BigDecimal beforeBudget, BigDecimal afterBudget) {
    }

    private Guardrails() {
    }

    /** Why nothing may be applied at {@code at}, or empty. */
    static Optional<String> blackout(BulkPolicy.Guardrails g, Instant at) {
        if (g == null || g.blackoutHours() == null || g.blackoutHours().isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = zone(g.timezone());
        int hour = ZonedDateTime.ofInstant(at, zone).getHour();
        if (g.blackoutHours().contains(hour)) {
            return Optional.of("Changes are not applied during the blackout hours (" + hours(g.blackoutHours()) + ", "
                    + zone.getId() + ").");
        }
        return Optional.empty();
    }

    /** Why this change to one entity is refused (cooldown, budget increase), given its past writes; empty: allowed. */
    static List<String> check(BulkPolicy.Guardrails g, Change change, List<LedgerEntry> history, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (g == null) {
            return reasons;
        }
        String who = change.name() == null ? change.tiktokId() : change.name() + " (" + change.tiktokId() + ")";
        if (g.cooldownMinutes() != null && g.cooldownMinutes() > 0) {
            Instant since = now.minus(Duration.ofMinutes(g.cooldownMinutes()));
            history.stream().map(LedgerEntry::changedAt).filter(at -> at.isAfter(since)).max(Instant::compareTo)
                    .ifPresent(last -> reasons.add(who + " was changed " + Duration.between(last, now).toMinutes()
                            + " minutes ago; the cooldown is " + g.cooldownMinutes() + " minutes."));
        }
        if (g.maxBudgetIncreasePercent() != null && change.afterBudget() != null && change.beforeBudget() != null) {
            Instant windowStart = now.minus(INCREASE_WINDOW);
            BigDecimal baseline = history.stream().filter(e -> e.changedAt().isAfter(windowStart))
                    .filter(e -> e.beforeBudget() != null).min((a, b) -> a.changedAt().compareTo(b.changedAt()))
                    .map(LedgerEntry::beforeBudget).orElse(change.beforeBudget());
            if (baseline.signum() > 0) {
                BigDecimal percent = change.afterBudget().subtract(baseline).multiply(BigDecimal.valueOf(100))
                        .divide(baseline, 2, RoundingMode.HALF_UP);
                if (percent.compareTo(g.maxBudgetIncreasePercent()) > 0) {
                    reasons.add(who + ": its budget would rise " + percent.toPlainString() + "% within 24 hours (from "
                            + baseline.toPlainString() + " to " + change.afterBudget().toPlainString()
                            + "); at most " + g.maxBudgetIncreasePercent().stripTrailingZeros().toPlainString()
                            + "% is allowed.");
                }
            }
        }
        return reasons;
    }

    static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String hours(List<Integer> hours) {
        return String.join(", ", hours.stream().sorted().map(h -> String.format("%02d:00", h)).toList());
    }
}
