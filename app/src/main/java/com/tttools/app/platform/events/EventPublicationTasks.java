package com.tttools.app.platform.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the promise of the event publication registry: an event whose listener failed (an audit write that hit
 * a database error, a purge that TikTok's outage interrupted) or whose node died mid-listener is delivered again,
 * by this recurring task (one node of the cluster per run, db-scheduler) through {@link EventResubmission}, which
 * claims each publication so that no two nodes deliver it twice. Completed publications are deleted on completion
 * ({@code spring.modulith.events.completion-mode=delete}), so the table holds only what is still owed.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationTasks {

    static final String RESUBMIT = "event-publication-resubmit";
    private static final Logger log = LoggerFactory.getLogger(EventPublicationTasks.class);

    @Bean
    RecurringTask<Void> eventPublicationResubmit(EventResubmission resubmission,
            EventPublicationProperties properties) {
        return Tasks.recurring(RESUBMIT, FixedDelay.of(properties.resubmitEvery()))
                .execute((instance, context) -> {
                    log.debug("Resubmitting event publications incomplete for more than {}",
                            properties.resubmitOlderThan());
                    resubmission.resubmitDue();
                });
    }
}
