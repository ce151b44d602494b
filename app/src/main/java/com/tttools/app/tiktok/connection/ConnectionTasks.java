package com.tttools.app.tiktok.connection;

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
 * Recurring db-scheduler tasks of connections. db-scheduler runs each execution on exactly one node; the
 * per-connection row locks make overlapping manual runs (Check now) harmless too. The work is in services that
 * take {@code now}, so tests drive them directly.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionTasks {

    static final String HEALTH = "tiktok-connection-health";
    static final String REFRESH = "tiktok-token-refresh";
    private static final Logger log = LoggerFactory.getLogger(ConnectionTasks.class);

    @Bean
    RecurringTask<Void> tiktokConnectionHealth(ConnectionHealth health, OAuthStates states, Clock clock) {
        return Tasks.recurring(HEALTH, FixedDelay.of(ConnectionHealth.INTERVAL.dividedBy(2)))
                .execute((instance, context) -> {
                    Instant now = clock.instant();
                    int checked = health.checkDue(now);
                    states.purge(now);
                    if (checked > 0) {
                        log.info("Checked {} TikTok connections", checked);
                    }
                });
    }

    @Bean
    RecurringTask<Void> tiktokTokenRefresh(TokenRefresher refresher, TokenExpiryWarnings warnings, Clock clock) {
        return Tasks.recurring(REFRESH, FixedDelay.ofMinutes(15))
                .execute((instance, context) -> {
                    int refreshed = refresher.refreshExpiring(clock.instant());
                    warnings.warn(clock.instant());
                    if (refreshed > 0) {
                        log.info("Refreshed {} TikTok account tokens", refreshed);
                    }
                });
    }
}
