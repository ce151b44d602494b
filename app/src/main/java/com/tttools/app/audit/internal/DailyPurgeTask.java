package com.tttools.app.audit.internal;

import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.SchedulableTaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Clock;
import java.time.Duration;

/**
 * The daily retention purge as a persistent db-scheduler task: one instance in scheduled_tasks, executed by
 * exactly one node, rescheduled for the next day when done, retried with exponential backoff when it fails,
 * revived when its node died mid-run.
 * <p>
 * Not a {@code RecurringTask}: the platform's scheduler wiring passes start-up tasks twice to db-scheduler,
 * which then refuses to start ("Duplicate key"). {@link PurgeScheduling} schedules the first run instead.
 */
class DailyPurgeTask extends AbstractTask<Void> {

    static final String NAME = "audit-purge";
    static final String INSTANCE = "daily";

    private final AuditPurge purge;
    private final Schedule schedule;
    private final Clock clock;

    DailyPurgeTask(AuditPurge purge, Schedule schedule, Clock clock) {
        super(NAME, Void.class, new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(5)),
                new DeadExecutionHandler.ReviveDeadExecution<>());
        this.purge = purge;
        this.schedule = schedule;
        this.clock = clock;
    }

    Schedule schedule() {
        return schedule;
    }

    @Override
    public SchedulableInstance<Void> schedulableInstance(String id) {
        return new SchedulableTaskInstance<>(instance(id), schedule::getInitialExecutionTime);
    }

    @Override
    public SchedulableInstance<Void> schedulableInstance(String id, Void data) {
        return schedulableInstance(id);
    }

    @Override
    public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
        purge.purgeExpired(clock.instant());
        return new CompletionHandler.OnCompleteReschedule<>(schedule);
    }
}
