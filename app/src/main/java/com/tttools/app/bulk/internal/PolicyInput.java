package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A policy as a workspace ADMIN sends it, checked and normalised (422 with the fields otherwise). */
final class PolicyInput {

    private static final Set<String> APPROVALS = Set.of("ALWAYS", "NEVER", "ABOVE_THRESHOLDS");

    private PolicyInput() {
    }

    static BulkPolicy validated(BulkPolicy p) {
        List<FieldProblem> problems = new ArrayList<>();
        if (p == null || p.approval() == null || !APPROVALS.contains(p.approval())) {
            throw new ValidationFailedException("approval", "must be ALWAYS, NEVER or ABOVE_THRESHOLDS");
        }
        BulkPolicy.Thresholds t = p.thresholds() == null ? new BulkPolicy.Thresholds(null, null, null) : p.thresholds();
        BulkPolicy.Guardrails g = p.guardrails() == null ? new BulkPolicy.Guardrails(null, null, List.of(), "UTC")
                : p.guardrails();
        if (t.entities() != null && t.entities() < 0) {
            problems.add(new FieldProblem("thresholds.entities", "must not be negative"));
        }
        if (t.deletes() != null && t.deletes() < 0) {
            problems.add(new FieldProblem("thresholds.deletes", "must not be negative"));
        }
        if (t.budgetIncreasePerDay() != null && t.budgetIncreasePerDay().signum() < 0) {
            problems.add(new FieldProblem("thresholds.budgetIncreasePerDay", "must not be negative"));
        }
        if ("ABOVE_THRESHOLDS".equals(p.approval()) && t.entities() == null && t.deletes() == null
                && t.budgetIncreasePerDay() == null) {
            problems.add(new FieldProblem("thresholds", "name at least one threshold"));
        }
        if (g.maxBudgetIncreasePercent() != null && (g.maxBudgetIncreasePercent().signum() < 0
                || g.maxBudgetIncreasePercent().compareTo(BigDecimal.valueOf(10000)) > 0)) {
            problems.add(new FieldProblem("guardrails.maxBudgetIncreasePercent", "must be between 0 and 10000"));
        }
        if (g.cooldownMinutes() != null && (g.cooldownMinutes() < 0 || g.cooldownMinutes() > 10080)) {
            problems.add(new FieldProblem("guardrails.cooldownMinutes", "must be between 0 and 10080 (a week)"));
        }
        Set<Integer> hours = new TreeSet<>();
        for (Integer h : g.blackoutHours() == null ? List.<Integer>of() : g.blackoutHours()) {
            if (h == null || h < 0 || h > 23) {
                problems.add(new FieldProblem("guardrails.blackoutHours", "hours are 0 to 23"));
            } else {
                hours.add(h);
            }
        }
        if (hours.size() == 24) {
            problems.add(new FieldProblem("guardrails.blackoutHours", "leave at least one hour open"));
        }
        String zone = g.timezone() == null || g.timezone().isBlank() ? "UTC" : g.timezone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("guardrails.timezone", "is not an IANA timezone (e.g. Europe/Berlin)"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new BulkPolicy(p.approval(), t, new BulkPolicy.Guardrails(g.maxBudgetIncreasePercent(),
                g.cooldownMinutes(), List.copyOf(hours), zone));
    }
}
