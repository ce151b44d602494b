package com.tttools.app.bulk.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every minute, on one node: unapproved change sets expire, change sets whose apply job ended without finishing them
 * get their final state, due scheduled ones start, and {@code Idempotency-Key}s older than 24 hours are cleared.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkProperties.class)
class BulkTasks {

    static final String NAME = "bulk-change-set-clock";
    private static final Logger log = LoggerFactory.getLogger(BulkTasks.class);

    @Bean
    RecurringTask<Void> bulkChangeSetClock(ChangeSetClock changeSets, ChangeSetRepository repository, Clock clock) {
        return Tasks.recurring(NAME, FixedDelay.ofMinutes(1)).execute((instance, context) -> {
            repository.forgetIdempotencyKeys(clock.instant().minus(BulkService.IDEMPOTENCY_WINDOW));
            int expired = changeSets.expire(clock.instant());
            int settled = changeSets.settleEnded(clock.instant());
            int started = changeSets.startDue(clock.instant());
            if (expired + settled + started > 0) {
                log.info("Change sets: {} expired, {} settled after their job ended, {} scheduled runs started",
                        expired, settled, started);
            }
        });
    }
}
