package com.tttools.app.privacy.deletion;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tttools.app.privacy.AccountDeletions;
import com.tttools.app.privacy.export.ExportExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Daily, on one node (db-scheduler): erases accounts whose deletion grace period has ended, and drops export
 * ZIPs past their download window. Both steps are idempotent, so a re-run (or a missed day) is harmless.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyDailyTask {

    static final String NAME = "privacy-daily-purge";
    private static final Logger log = LoggerFactory.getLogger(PrivacyDailyTask.class);

    @Bean
    RecurringTask<Void> privacyDailyPurge(AccountDeletions deletions, ExportExpiry exports, Clock clock) {
        return Tasks.recurring(NAME, Schedules.daily(LocalTime.of(3, 40)))
                .execute((instance, context) -> {
                    Instant now = clock.instant();
                    int erased = deletions.purgeDue(now);
                    int dropped = exports.dropExpired(now);
                    if (erased > 0 || dropped > 0) {
                        log.info("Privacy purge: {} deleted accounts erased, {} expired exports dropped", erased,
                                dropped);
                    }
                });
    }
}
