package com.tttools.app.notifications.alerts;

import com.tttools.app.reporting.DailyFacts;
import com.tttools.app.notifications.alerts.CampaignStates.CampaignState;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alert rules of a workspace: writing them (the caller's access is checked by the web layer) and the backtest. */
@Service
class AlertRules {

    /** A backtest's firing: the day it would have fired, the entity, the value it saw. */
    record BacktestFiring(LocalDate at, String entity, String entityName, BigDecimal value, String message) {
    }

    /** The backtest's answer; {@code firings} holds at most {@link #BACKTEST_SHOWN}, {@code count} all of them. */
    record Backtest(List<BacktestFiring> firings, int count, LocalDate from, LocalDate to) {
    }

    static final int BACKTEST_DAYS = 30;
    static final int BACKTEST_SHOWN = 500;
    private final AlertRuleStore store;
    private final DailyFacts facts;
    private final TenantAccess access;
    private final Clock clock;
    private final CampaignStates campaigns;

    AlertRules(AlertRuleStore store, DailyFacts facts, TenantAccess access, Clock clock, CampaignStates campaigns) {
        this.campaigns = campaigns;
        this.store = store;
        this.facts = facts;
        this.access = access;
        this.clock = clock;
    }

    List<AlertRule> list(WorkspaceId workspace) {
        return store.list(workspace);
    }

    AlertRule get(WorkspaceId workspace, UUID id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("Alert rule"));
    }

    @Transactional
    AlertRule create(WorkspaceId workspace, UserId caller, AlertRuleInput input) {
        Instant now = clock.instant();
        AlertRule rule = checked(input.toRule(UUID.randomUUID(), workspace, caller, now, now));
        store.insert(rule);
        return rule;
    }

    @Transactional
    AlertRule update(WorkspaceId workspace, UUID id, AlertRuleInput input) {
        AlertRule existing = get(workspace, id);
        AlertRule rule = checked(input.toRule(id, workspace, existing.createdBy(), existing.createdAt(), clock.instant()));
        store.update(rule);
        return rule;
    }

    void delete(WorkspaceId workspace, UUID id) {
        if (!store.delete(workspace, id)) {
            throw new NotFoundException("Alert rule");
        }
    }

    /** Every recipient must be able to see the workspace's reports (what an alert shows). */
    private AlertRule checked(AlertRule rule) {
        for (UserId recipient : rule.recipients()) {
            try {
                access.requireWorkspace(recipient, rule.workspaceId(), WorkspacePermission.VIEW_REPORTS);
            } catch (RuntimeException e) {
                throw new ValidationFailedException(List.of(new FieldProblem("recipients",
                        "every recipient must be a member of this workspace")));
            }
        }
        return rule;
    }

    /**
     * How often the rule would have fired over the last 30 finished days of stored facts, one check per entity and
     * day as if at the day's end, with the rule's cooldown. Zero delivery counts whole days without impressions; pacing
     * uses the campaigns' current daily budgets. Quiet hours only delay a firing, so they do not change the count.
     */
    Backtest backtest(WorkspaceId workspace, UserId caller, AlertRuleInput input) {
        Instant now = clock.instant();
        AlertRule rule = input.toRule(UUID.randomUUID(), workspace, caller, now, now);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(BACKTEST_DAYS - 1);
        Map<String, AlertConditions.Series> series = AlertEvaluator.series(facts.daily(workspace, rule.level(),
                from.minusDays(AlertEvaluator.LOOKBACK_DAYS), to, rule.advertiserIds(), rule.campaignIds()));
        Map<String, BigDecimal> budgets = new HashMap<>();
        if (rule.kind().campaignOnly()) {
            Map<String, AlertConditions.Series> enabled = new java.util.LinkedHashMap<>();
            for (CampaignState c : campaigns.campaigns(workspace, rule.advertiserIds(), rule.campaignIds())) {
                if (c.enabled()) {
                    budgets.put(c.campaignId(), c.dailyBudget());
                    enabled.put(c.campaignId(), series.getOrDefault(c.campaignId(), new AlertConditions.Series(
                            c.advertiserId(), c.campaignId(), c.name(), null, Map.of())));
                }
            }
            series = enabled;
        }
        List<BacktestFiring> found = new ArrayList<>();
        Duration cooldown = Duration.ofMinutes(rule.cooldownMinutes());
        for (AlertConditions.Series s : series.values()) {
            LocalDate last = null;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (last != null && Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(last, day)).compareTo(cooldown) < 0) {
                    continue;
                }
                var hit = AlertConditions.check(rule, s, day, 1.0, budgets.get(s.entityId()));
                if (hit.isPresent()) {
                    last = day;
                    found.add(new BacktestFiring(day, s.entityId(), s.entityName(), hit.get().value(), hit.get().message()));
                }
            }
        }
        found.sort(Comparator.comparing(BacktestFiring::at).thenComparing(BacktestFiring::entity));
        return new Backtest(found.size() > BACKTEST_SHOWN ? List.copyOf(found.subList(0, BACKTEST_SHOWN)) : found,
                found.size(), from, to);
    }
}
