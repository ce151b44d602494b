package com.tttools.app.inventory.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Submits the periodic asset syncs that are due ({@link ScheduledSyncs}): every 10 minutes, on one node. */
@Configuration(proxyBeanMethods = false)
class ScheduledSyncTask {

    static final String NAME = "inventory-scheduled-syncs";
    private static final Logger log = LoggerFactory.getLogger(ScheduledSyncTask.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    @Bean
    RecurringTask<Void> inventoryScheduledSyncs(ScheduledSyncs syncs) {
        return Tasks.recurring(NAME, FixedDelay.of(EVERY)).execute((instance, context) -> {
            int submitted = syncs.submitDue();
            if (submitted > 0) {
                log.info("Submitted {} scheduled asset syncs", submitted);
            }
        });
    }
}
