package com.tttools.app.privacy.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention purge as a persistent db-scheduler recurring task: one row in scheduled_tasks, executed by
 * exactly one node of the cluster at a time, retried with backoff when it fails, revived when its node died.
 * Every class's purge is idempotent, so a run repeated after a crash only finishes what was left.
 */
@Configuration(proxyBeanMethods = false)
class RetentionPurgeTask {

    static final String NAME = "privacy-retention-purge";

    @Bean
    RecurringTask<Void> retentionPurge(RetentionPurgeRun run, RetentionProperties properties, Clock clock) {
        return Tasks.recurring(NAME, Schedules.daily(ZoneOffset.UTC, properties.purgeAt()))
                .onFailure(new com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler<>(
                        Duration.ofMinutes(5)))
                .execute((instance, context) -> run.run(clock.instant()));
    }
}
