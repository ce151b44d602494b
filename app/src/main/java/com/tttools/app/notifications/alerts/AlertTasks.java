package com.tttools.app.notifications.alerts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.tttools.app.reporting.ReportEvents.ReportSyncFinished;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenancyEvents;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * When rules are evaluated: after every finished report sync of the workspace, and every 15 minutes for all
 * workspaces with enabled rules (time alone changes pacing, zero delivery and quiet hours). Escalations are
 * checked every minute. The firing's dedup key and cooldown make repeated evaluations harmless.
 */
@Configuration(proxyBeanMethods = false)
class AlertTasks {

    static final String EVALUATE = "alert-rules-evaluate";
    static final String ESCALATE = "alert-escalations";
    private static final Logger log = LoggerFactory.getLogger(AlertTasks.class);
    private final AlertEvaluator evaluator;
    private final AlertRuleStore rules;
    private final Clock clock;

    AlertTasks(AlertEvaluator evaluator, AlertRuleStore rules, Clock clock) {
        this.evaluator = evaluator;
        this.rules = rules;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> alertRulesEvaluate() {
        return Tasks.recurring(EVALUATE, FixedDelay.ofMinutes(15)).execute((instance, context) -> evaluateAll());
    }

    @Bean
    RecurringTask<Void> alertEscalations() {
        return Tasks.recurring(ESCALATE, FixedDelay.ofMinutes(1))
                .execute((instance, context) -> evaluator.escalate(clock.instant()));
    }

    void evaluateAll() {
        for (WorkspaceId workspace : rules.workspacesWithRules()) {
            try {
                evaluator.evaluate(workspace, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Alert rules of workspace {} could not be evaluated: {}", workspace, e.toString());
            }
        }
    }

    @ApplicationModuleListener
    void on(ReportSyncFinished finished) {
        evaluator.evaluate(finished.workspaceId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(TenancyEvents.WorkspacePurged purged) {
        rules.deleteWorkspace(purged.workspaceId());
    }

    @ApplicationModuleListener
    void on(TenancyEvents.OrganizationDeleted deleted) {
        deleted.workspaceIds().forEach(rules::deleteWorkspace);
    }
}
