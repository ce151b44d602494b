package com.tttools.app.bulk;

import java.math.BigDecimal;
import java.util.List;

/**
 * A workspace's rules for change sets: which plans need an approval, and guardrails no plan may break.
 *
 * @param approval ALWAYS, NEVER or ABOVE_THRESHOLDS
 */
public record BulkPolicy(String approval, Thresholds thresholds, Guardrails guardrails) {

    /**
     * A plan needs approval when one is exceeded: more than {@code entities} lines, a total daily budget increase
     * above {@code budgetIncreasePerDay} (in any one currency), more than {@code deletes} deletions.
     */
    public record Thresholds(Integer entities, BigDecimal budgetIncreasePerDay, Integer deletes) {
    }

    /**
     * @param maxBudgetIncreasePercent most an entity's budget may rise within 24 h, against its budget before the
     *                                 first change in that window
     * @param cooldownMinutes          least time between two changes to the same entity
     * @param blackoutHours            hours of the day (0-23, in {@code timezone}) in which nothing is applied
     */
    public record Guardrails(BigDecimal maxBudgetIncreasePercent, Integer cooldownMinutes, List<Integer> blackoutHours,
            String timezone) {
    }

    public static BulkPolicy defaults() {
        return new BulkPolicy("ALWAYS", new Thresholds(null, null, null), new Guardrails(null, null, List.of(), "UTC"));
    }
}
