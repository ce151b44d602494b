package com.tttools.app.audit.internal;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Time for retention and recording; tests and other modules may provide their own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The daily retention purge, persistent and cluster-safe (db-scheduler registers every Task bean). */
    @Bean
    DailyPurgeTask auditPurgeTask(AuditPurge purge, AuditProperties properties, Clock clock) {
        return new DailyPurgeTask(purge, Schedules.daily(ZoneOffset.UTC, properties.purgeAt()), clock);
    }
}
