package com.tttools.app.notifications.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.notifications.Channel;
import com.tttools.app.reporting.DailyFacts.DailyFact;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules' conditions on one entity's facts (the same code the evaluation and the backtest run). */
class AlertConditionsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);   // a Monday

    static AlertRule rule(AlertKind kind, String threshold, Integer windowDays, String metric) {
        return new AlertRule(UUID.randomUUID(), WorkspaceId.random(), "Rule", kind, ReportLevel.CAMPAIGN,
                threshold == null ? null : new BigDecimal(threshold), windowDays, null, metric, List.of(), List.of(), 0,
                null, null, null, List.of(UserId.random()), EnumSet.noneOf(Channel.class), null, true, UserId.random(),
                Instant.EPOCH, Instant.EPOCH);
    }

    static Map<LocalDate, DailyFact> days(Object... dayAndSpendImpressionsClicksConversions) {
        Map<LocalDate, DailyFact> byDay = new LinkedHashMap<>();
        for (int i = 0; i < dayAndSpendImpressionsClicksConversions.length; i += 5) {
            LocalDate d = (LocalDate) dayAndSpendImpressionsClicksConversions[i];
            byDay.put(d, new DailyFact("1", "c1", "Summer", d, "EUR",
                    new BigDecimal((String) dayAndSpendImpressionsClicksConversions[i + 1]),
                    (long) (int) dayAndSpendImpressionsClicksConversions[i + 2],
                    (long) (int) dayAndSpendImpressionsClicksConversions[i + 3],
                    (long) (int) dayAndSpendImpressionsClicksConversions[i + 4]));
        }
        return byDay;
    }

    static AlertConditions.Series series(Map<LocalDate, DailyFact> byDay) {
        return new AlertConditions.Series("1", "c1", "Summer", "EUR", byDay);
    }

    @Test
    void anomalyComparesWithTheSameWeekdaysOfTheLastFourWeeks() {
        AlertRule rule = rule(AlertKind.ANOMALY, "3", null, "spend");
        Map<LocalDate, DailyFact> byDay = days(DAY.minusWeeks(1), "100", 0, 0, 0, DAY.minusWeeks(2), "110", 0, 0, 0,
                DAY.minusWeeks(3), "90", 0, 0, 0, DAY.minusWeeks(4), "100", 0, 0, 0,
                DAY.minusDays(1), "900", 0, 0, 0);   // another weekday: not part of the baseline

        byDay.putAll(days(DAY, "300", 0, 0, 0));
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 1.0, null)).hasValueSatisfying(c ->
                assertThat(c.message()).contains("above the usual 100"));

        byDay.putAll(days(DAY, "105", 0, 0, 0));
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 1.0, null)).isEmpty();
        // half the day gone: 105 is far above half of a usual day
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 0.5, null)).isPresent();
    }

    @Test
    void anomalyNeedsThreeEarlierWeeks() {
        AlertRule rule = rule(AlertKind.ANOMALY, "1", null, "spend");
        Map<LocalDate, DailyFact> byDay = days(DAY.minusWeeks(1), "100", 0, 0, 0, DAY.minusWeeks(2), "100", 0, 0, 0,
                DAY, "1000", 0, 0, 0);
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 1.0, null)).isEmpty();
    }

    @Test
    void cpaSumsTheWindowAndSpendWithoutConversionsCountsAsAboveTheThreshold() {
        AlertRule rule = rule(AlertKind.CPA, "20", 3, null);
        Map<LocalDate, DailyFact> byDay = days(DAY.minusDays(2), "30", 0, 0, 1, DAY.minusDays(1), "30", 0, 0, 1,
                DAY, "30", 0, 0, 1, DAY.minusDays(3), "1000", 0, 0, 0);
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 1.0, null)).hasValueSatisfying(c ->
                assertThat(c.value()).isEqualByComparingTo("30"));
        assertThat(AlertConditions.check(rule(AlertKind.CPA, "30", 3, null), series(byDay), DAY, 1.0, null)).isEmpty();
        assertThat(AlertConditions.check(rule(AlertKind.CPA, "20", 1, null),
                series(days(DAY, "25", 0, 0, 0)), DAY, 1.0, null)).isPresent();
    }

    @Test
    void ctrWaitsForEnoughImpressions() {
        AlertRule rule = rule(AlertKind.CTR, "1", null, null);
        assertThat(AlertConditions.check(rule, series(days(DAY, "1", 999, 0, 0)), DAY, 1.0, null)).isEmpty();
        assertThat(AlertConditions.check(rule, series(days(DAY, "1", 2000, 10, 0)), DAY, 1.0, null))
                .hasValueSatisfying(c -> assertThat(c.value()).isEqualByComparingTo("0.5"));
        assertThat(AlertConditions.check(rule, series(days(DAY, "1", 2000, 40, 0)), DAY, 1.0, null)).isEmpty();
    }

    @Test
    void pacingProjectsTodaysSpendToTheEndOfTheDay() {
        AlertRule rule = rule(AlertKind.PACING, "120", null, null);
        Map<LocalDate, DailyFact> byDay = days(DAY, "40", 0, 0, 0);
        // a quarter of the day gone, 40 spent: on course for 160 of a 100 budget
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 0.25, new BigDecimal("100"))).isPresent();
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 0.5, new BigDecimal("100"))).isEmpty();
        assertThat(AlertConditions.check(rule, series(byDay), DAY, 0.25, null)).isEmpty();
    }

    @Test
    void quietHoursMayRunOverMidnight() {
        AlertRule base = rule(AlertKind.SPEND_TODAY, "1", null, null);
        AlertRule night = new AlertRule(base.id(), base.workspaceId(), base.name(), base.kind(), base.level(),
                base.threshold(), null, null, null, List.of(), List.of(), 0, LocalTime.of(22, 0), LocalTime.of(7, 0),
                ZoneId.of("Europe/Berlin"), base.recipients(), base.channels(), null, true, base.createdBy(),
                base.createdAt(), base.updatedAt());
        assertThat(night.quietAt(Instant.parse("2026-11-30T22:30:00Z"))).isTrue();    // 23:30 in Berlin
        assertThat(night.quietAt(Instant.parse("2026-11-30T05:59:00Z"))).isTrue();    // 06:59
        assertThat(night.quietAt(Instant.parse("2026-11-30T06:00:00Z"))).isFalse();   // 07:00
        assertThat(base.quietAt(Instant.parse("2026-11-30T22:30:00Z"))).isFalse();
    }
}
