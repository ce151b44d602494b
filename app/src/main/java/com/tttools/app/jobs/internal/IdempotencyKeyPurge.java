package com.tttools.app.jobs.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clears jobs' {@code Idempotency-Key}s 24 hours after they were used (the job itself stays, with its history).
 * {@link JobService#submit} already ignores an older key, so the purge only keeps the unique index small.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyPurge {

    static final String TASK = "jobs-idempotency-purge";
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    @Bean
    RecurringTask<Void> jobsIdempotencyPurge(JobRepository jobs, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.ofMinutes(30))
                .execute((instance, context) -> log.debug("Cleared {} idempotency keys", purge(jobs, clock.instant())));
    }

    /** Clears every key used before {@code now} minus 24 hours; returns how many. */
    static long purge(JobRepository jobs, Instant now) {
        long cleared = 0;
        int batch;
        do {
            batch = jobs.forgetIdempotencyKeys(now.minus(JobService.IDEMPOTENCY_WINDOW), BATCH);
            cleared += batch;
        } while (batch == BATCH);
        return cleared;
    }
}
