package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.PlanCommand;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The new budget of one entity under a budget action: set, or changed by an amount or a percentage, then clamped. */
final class BudgetMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BudgetMath() {
    }

    /** @param scale the currency's minor-unit digits (2 for USD, 0 for JPY) */
    static BigDecimal after(BulkAction action, PlanCommand.Value value, BigDecimal before, int scale) {
        BigDecimal result;
        if (action == BulkAction.SET_BUDGET) {
            result = value.amount();
        } else if (value.percent() != null) {
            result = before.add(before.multiply(value.percent()).divide(HUNDRED, 10, RoundingMode.HALF_EVEN));
        } else {
            result = before.add(value.amount());
        }
        if (value.floor() != null && result.compareTo(value.floor()) < 0) {
            result = value.floor();
        }
        if (value.ceiling() != null && result.compareTo(value.ceiling()) > 0) {
            result = value.ceiling();
        }
        return result.setScale(scale, RoundingMode.HALF_EVEN);
    }

    static int scaleOf(String currency) {
        if (currency == null) {
            return 2;
        }
        try {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
