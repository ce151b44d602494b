package com.tttools.app.audit.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Makes sure the daily purge is scheduled once the application is up (a no-op when it already is). */
@Component
class PurgeScheduling implements ApplicationListener<ApplicationReadyEvent> {

    private final SchedulerClient scheduler;
    private final DailyPurgeTask task;
    private final Clock clock;

    PurgeScheduling(SchedulerClient scheduler, DailyPurgeTask task, ObjectProvider<Clock> clocks) {
        this.scheduler = scheduler;
        this.task = task;
        this.clock = AuditClock.of(clocks);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        scheduler.scheduleIfNotExists(task.instance(DailyPurgeTask.INSTANCE),
                task.schedule().getInitialExecutionTime(clock.instant()));
    }
}
