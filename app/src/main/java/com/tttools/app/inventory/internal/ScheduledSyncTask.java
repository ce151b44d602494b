package com.tttools.app.inventory.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every 10 minutes, on one node (db-scheduler; instance id = the slot, so several nodes schedule it once), submits
 * the periodic asset syncs that are due. A one-time task that schedules its next slot, like WorkspacePurgeTask,
 * because the platform's scheduler registers recurring start-up tasks twice.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledSyncTask {

    static final String NAME = "inventory-scheduled-syncs";
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncTask.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    @Bean
    OneTimeTask<Void> inventoryScheduledSyncs(ScheduledSyncs syncs, Clock clock) {
        return Tasks.oneTime(NAME, Void.class).execute((instance, context) -> {
            int submitted = syncs.submitDue();
            if (submitted > 0) {
                log.info("Submitted {} scheduled asset syncs", submitted);
            }
            Instant next = slot(clock.instant().plus(EVERY));
            context.getSchedulerClient().scheduleIfNotExists(new TaskInstance<>(NAME, next.toString()), next);
        });
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> scheduleInventorySyncs(ObjectProvider<SchedulerClient> scheduler,
            Clock clock) {
        return event -> scheduler.ifAvailable(client -> {
            Instant now = clock.instant();
            client.scheduleIfNotExists(new TaskInstance<>(NAME, slot(now).toString()), now);
        });
    }

    private static Instant slot(Instant at) {
        long minutes = at.truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        return Instant.ofEpochSecond((minutes - minutes % EVERY.toMinutes()) * 60);
    }
}
