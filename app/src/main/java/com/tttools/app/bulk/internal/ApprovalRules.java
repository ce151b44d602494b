package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether a plan needs an approval under the workspace policy, and why (the reasons are shown to users). */
final class ApprovalRules {

    private ApprovalRules() {
    }

    /** Empty: no approval needed. */
    static List<String> reasons(BulkPolicy policy, BulkAction action, int lines,
            Map<String, ChangeSetView.Total> totals) {
        return switch (policy.approval()) {
            case "NEVER" -> List.of();
            case "ABOVE_THRESHOLDS" -> aboveThresholds(policy.thresholds(), action, lines, totals);
            default -> List.of("The workspace policy asks for an approval of every change set.");
        };
    }

    private static List<String> aboveThresholds(BulkPolicy.Thresholds t, BulkAction action, int lines,
            Map<String, ChangeSetView.Total> totals) {
        List<String> reasons = new ArrayList<>();
        if (t.entities() != null && lines > t.entities()) {
            reasons.add("It changes " + lines + " entities, more than " + t.entities() + ".");
        }
        if (t.deletes() != null && action == BulkAction.DELETE && lines > t.deletes()) {
            reasons.add("It deletes " + lines + " entities, more than " + t.deletes() + ".");
        }
        if (t.budgetIncreasePerDay() != null) {
            totals.forEach((currency, total) -> {
                BigDecimal increase = total.after().subtract(total.before());
                if (increase.compareTo(t.budgetIncreasePerDay()) > 0) {
                    reasons.add("It raises daily budgets by " + increase.toPlainString() + " " + currency
                            + ", more than " + t.budgetIncreasePerDay().toPlainString() + ".");
                }
            });
        }
        return reasons;
    }
}
