package com.tttools.app.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A change set to plan: targets by TikTok id, or every inventory entity a filter matches.
 *
 * @param value    for budget actions: {@code amount} (SET_BUDGET: the new budget; CHANGE_BUDGET: + or -) or
 *                 {@code percent} (CHANGE_BUDGET only), clamped to {@code floor}/{@code ceiling}
 * @param runAt    a one-off run at that time instead of on request; null for none
 * @param schedule a weekly run; null for none
 */
public record PlanCommand(BulkAction action, BulkLevel level, List<String> targets, Filter filter, Value value,
        Instant runAt, WeeklySchedule schedule) {

    public record Filter(String advertiserId, String campaignId, String status, String q) {
    }

    public record Value(BigDecimal amount, BigDecimal percent, BigDecimal floor, BigDecimal ceiling) {
    }
}
