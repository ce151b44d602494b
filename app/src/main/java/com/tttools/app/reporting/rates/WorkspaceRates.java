package com.tttools.app.reporting.rates;

import com.tttools.app.reporting.ReportEvents;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.IsoDate;
import com.tttools.app.tenancy.WorkspaceAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange rates a workspace's admins enter themselves (units per 1 EUR), for currencies or days the reference
 * table lacks or where they want their own: validated, stored and audited in one transaction. The caller has been
 * authorized (MANAGE_WORKSPACE_SETTINGS) by the controller.
 */
@Service
public class WorkspaceRates {

    /** Enough for any real rate (IDR, VND and IRR are in the tens of thousands per EUR). */
    static final BigDecimal MAX_RATE = new BigDecimal("100000000");

    /** A valid entry. */
    public record Entry(String currency, LocalDate date, BigDecimal perEur) {
    }

    private final ExchangeRateStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceRates(ExchangeRateStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The rules a form's field shapes ({@link RateForm}'s constraints) cannot say: the base currency, a day not after
     * the workspace's today, a positive rate of at most 10 decimals. Every problem at once, each named after its
     * field; a field whose shape is wrong (blank, not a date) is left to its constraint.
     */
    public static List<FieldProblem> problems(RateForm form, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if ("EUR".equals(form.currency())) {
            problems.add(new FieldProblem("currency", "is the base: 1 EUR is always 1 EUR"));
        }
        LocalDate day = IsoDate.Validator.parse(form.date());
        if (day != null && day.isAfter(today)) {
            problems.add(new FieldProblem("date", "must not be in the future"));
        }
        if (form.perEur() != null && !form.perEur().isBlank()) {
            BigDecimal rate = rate(form.perEur());
            if (rate == null) {
                problems.add(new FieldProblem("perEur", RateForm.NUMBER));
            } else if (rate.signum() <= 0 || rate.compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 10) {
                problems.add(new FieldProblem("perEur",
                        "must be a positive number of units per 1 EUR (at most 10 decimals)"));
            }
        }
        return problems;
    }

    /** The entry of a form that passed its constraints and {@link #problems}. */
    public static Entry entry(RateForm form) {
        BigDecimal rate = rate(form.perEur()).stripTrailingZeros();
        return new Entry(form.currency(), LocalDate.parse(form.date()), rate.scale() < 0 ? rate.setScale(0) : rate);
    }

    /** A decimal comma is accepted too ("1,0823"). */
    private static BigDecimal rate(String value) {
        try {
            return new BigDecimal(value.replace(",", "."));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional
    public void set(WorkspaceAccess workspace, Actor actor, Entry entry, RequestMetadata request) {
        Instant now = clock.instant();
        BigDecimal before = store.workspaceRate(workspace.workspaceId(), entry.currency(), entry.date()).orElse(null);
        store.setWorkspaceRate(workspace.workspaceId(), entry.currency(), entry.date(), entry.perEur(), now);
        events.publishEvent(new ReportEvents.ExchangeRateSet(actor, workspace.organizationId(), workspace.workspaceId(),
                entry.currency(), entry.date().toString(), before == null ? null : before.toPlainString(),
                entry.perEur().toPlainString(), request, now));
    }

    /** Deletes an entered rate; false when there was none. */
    @Transactional
    public boolean delete(WorkspaceAccess workspace, Actor actor, String currency, LocalDate date,
            RequestMetadata request) {
        BigDecimal before = store.workspaceRate(workspace.workspaceId(), currency, date).orElse(null);
        if (before == null || !store.deleteWorkspaceRate(workspace.workspaceId(), currency, date)) {
            return false;
        }
        events.publishEvent(new ReportEvents.ExchangeRateDeleted(actor, workspace.organizationId(),
                workspace.workspaceId(), currency, date.toString(), before.toPlainString(), request, clock.instant()));
        return true;
    }
}
