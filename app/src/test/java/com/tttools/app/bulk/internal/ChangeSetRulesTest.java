package com.tttools.app.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.shared.ValidationFailedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure rules of change sets: budget arithmetic, approval policy, guardrails, weekly schedules, totals. */
class ChangeSetRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void budgetChangesByPercentOrAmountAreClampedToFloorAndCeilingAndRoundedToTheCurrency() {
        assertThat(BudgetMath.after(BulkAction.CHANGE_BUDGET, new PlanCommand.Value(null, bd("10"), null, null),
                bd("100.00"), 2)).isEqualByComparingTo("110.00");
        assertThat(BudgetMath.after(BulkAction.CHANGE_BUDGET, new PlanCommand.Value(null, bd("-50"), bd("60"), null),
                bd("100"), 2)).isEqualByComparingTo("60");
        assertThat(BudgetMath.after(BulkAction.CHANGE_BUDGET, new PlanCommand.Value(bd("25"), null, null, bd("110")),
                bd("100"), 2)).isEqualByComparingTo("110");
        assertThat(BudgetMath.after(BulkAction.SET_BUDGET, new PlanCommand.Value(bd("5000.4"), null, null, null),
                bd("100"), BudgetMath.scaleOf("JPY"))).isEqualByComparingTo("5000");
        assertThat(BudgetMath.after(BulkAction.CHANGE_BUDGET, new PlanCommand.Value(null, bd("33.333"), null, null),
                bd("10.00"), 2).scale()).isEqualTo(2);
    }

    @Test
    void theApprovalPolicyNamesEveryThresholdAPlanExceeds() {
        Map<String, ChangeSetView.Total> totals = Map.of("USD", new ChangeSetView.Total(bd("100"), bd("400")),
                "EUR", new ChangeSetView.Total(bd("100"), bd("150")));
        BulkPolicy above = new BulkPolicy("ABOVE_THRESHOLDS", new BulkPolicy.Thresholds(10, bd("200"), 0), null);
        assertThat(ApprovalRules.reasons(above, BulkAction.CHANGE_BUDGET, 11, totals))
                .hasSize(2).anyMatch(r -> r.contains("11 entities")).anyMatch(r -> r.contains("300 USD"));
        assertThat(ApprovalRules.reasons(above, BulkAction.CHANGE_BUDGET, 10, Map.of())).isEmpty();
        assertThat(ApprovalRules.reasons(above, BulkAction.DELETE, 1, Map.of())).singleElement()
                .asString().contains("deletes 1");
        assertThat(ApprovalRules.reasons(BulkPolicy.defaults(), BulkAction.PAUSE, 1, Map.of())).hasSize(1);
        assertThat(ApprovalRules.reasons(new BulkPolicy("NEVER", null, null), BulkAction.DELETE, 999, totals)).isEmpty();
    }

    @Test
    void guardrailsRefuseBlackoutHoursCooldownAndTooLargeIncreasesWithTheReason() {
        BulkPolicy.Guardrails g = new BulkPolicy.Guardrails(bd("20"), 60, List.of(11, 12), "Europe/Berlin");
        assertThat(Guardrails.blackout(g, NOW)).get().asString().contains("11:00").contains("Europe/Berlin");
        assertThat(Guardrails.blackout(g, NOW.plus(Duration.ofHours(2)))).isEmpty();

        Guardrails.Change raise = new Guardrails.Change("1", "Spring sale", bd("100"), bd("115"));
        assertThat(Guardrails.check(g, raise, List.of(), NOW)).isEmpty();
        // earlier today it was raised from 90: 115 is +27.78% against the day's baseline
        List<Guardrails.LedgerEntry> earlier = List.of(new Guardrails.LedgerEntry(NOW.minus(Duration.ofHours(3)),
                bd("90"), bd("100")));
        assertThat(Guardrails.check(g, raise, earlier, NOW)).singleElement().asString()
                .contains("Spring sale").contains("27.78%").contains("at most 20%");
        List<Guardrails.LedgerEntry> recent = List.of(new Guardrails.LedgerEntry(NOW.minus(Duration.ofMinutes(10)),
                null, null));
        assertThat(Guardrails.check(g, new Guardrails.Change("1", null, null, null), recent, NOW)).singleElement()
                .asString().contains("cooldown is 60 minutes");
        assertThat(Guardrails.check(g, new Guardrails.Change("1", null, null, null), recent, NOW.plus(Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void weeklySchedulesRunAtTheNextLocalSlot() {
        Map<String, Object> friday = Schedules.stored(new com.tttools.app.bulk.WeeklySchedule(List.of("friday"), "23:00",
                null), "America/New_York");
        // Fri 2026-12-04 10:00 UTC is 05:00 in New York: tonight 23:00 local = Sat 04:00 UTC
        assertThat(Schedules.next(null, friday, NOW)).isEqualTo(Instant.parse("2026-12-05T04:00:00Z"));
        assertThat(Schedules.next(null, friday, Instant.parse("2026-12-05T04:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-12T04:00:00Z"));
        Instant once = Instant.parse("2026-12-24T08:00:00Z");
        assertThat(Schedules.next(once, null, NOW)).isEqualTo(once);
    }

    @Test
    void aPolicyOutOfBoundsIsRefusedFieldByField() {
        assertThatThrownBy(() -> PolicyInput.validated(new BulkPolicy("SOMETIMES", null, null)))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> PolicyInput.validated(new BulkPolicy("ABOVE_THRESHOLDS",
                new BulkPolicy.Thresholds(null, null, null), new BulkPolicy.Guardrails(bd("-1"), -5, List.of(24), "Mars/Base"))))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("thresholds",
                                "guardrails.maxBudgetIncreasePercent", "guardrails.cooldownMinutes",
                                "guardrails.blackoutHours", "guardrails.timezone"));
        assertThat(PolicyInput.validated(new BulkPolicy("NEVER", null, new BulkPolicy.Guardrails(null, null,
                List.of(3, 1, 3), null))).guardrails()).isEqualTo(new BulkPolicy.Guardrails(null, null, List.of(1, 3), "UTC"));
    }

    @Test
    void totalsCountTheDailyBudgetLiveBeforeAndAfterPerCurrency() {
        UUID connection = UUID.randomUUID();
        List<ChangeSetRepository.LineRow> lines = List.of(
                line(1, connection, "USD", Map.of("status", "ENABLE", "budget", 50, "budgetMode", "BUDGET_MODE_DAY"),
                        Map.of("status", "DISABLE"), LineStatus.PENDING),
                line(2, connection, "USD", Map.of("status", "DISABLE", "budget", 30, "budgetMode", "BUDGET_MODE_DAY"),
                        Map.of("status", "DISABLE"), LineStatus.SKIPPED),
                line(3, connection, "JPY", Map.of("status", "ENABLE", "budget", 5000, "budgetMode", "BUDGET_MODE_DAY"),
                        Map.of("budget", 6000), LineStatus.PENDING),
                line(4, connection, "JPY", Map.of("status", "ENABLE", "budget", 9000, "budgetMode", "BUDGET_MODE_TOTAL"),
                        Map.of("budget", 6000), LineStatus.PENDING));
        Map<String, ChangeSetView.Total> totals = Planner.totals(lines);
        assertThat(totals.get("USD").before()).isEqualByComparingTo("50");
        assertThat(totals.get("USD").after()).isEqualByComparingTo("0");
        assertThat(totals.get("JPY").before()).isEqualByComparingTo("5000");
        assertThat(totals.get("JPY").after()).isEqualByComparingTo("6000");
    }

    private static ChangeSetRepository.LineRow line(int seq, UUID connection, String currency, Map<String, Object> before,
            Map<String, Object> after, LineStatus status) {
        return new ChangeSetRepository.LineRow(seq, "10" + seq, "Entity " + seq, "7", connection, currency, before,
                after, List.of(), status, null, null, null, null);
    }
}
