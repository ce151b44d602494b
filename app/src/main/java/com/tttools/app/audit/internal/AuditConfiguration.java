package com.tttools.app.audit.internal;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** The daily retention purge, persistent and cluster-safe (db-scheduler registers every Task bean). */
    @Bean
    DailyPurgeTask auditPurgeTask(AuditPurge purge, AuditProperties properties, ObjectProvider<Clock> clocks) {
        return new DailyPurgeTask(purge, Schedules.daily(ZoneOffset.UTC, properties.purgeAt()), AuditClock.of(clocks));
    }
}
