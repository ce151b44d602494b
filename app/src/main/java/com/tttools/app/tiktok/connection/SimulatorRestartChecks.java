package com.tttools.app.tiktok.connection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.tttools.app.tiktok.client.TikTokProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Simulator mode: the embedded simulator keeps its grants in memory, so after a restart it knows none of the
 * tokens stored here while every connection would still show ACTIVE until its next regular check (up to 30
 * minutes later). At start every live connection is made due and the health task is moved to now, so within
 * seconds each one shows the truth (NEEDS_REAUTH: connect again). With real TikTok credentials nothing happens.
 */
@Component
class SimulatorRestartChecks {

    private static final Logger log = LoggerFactory.getLogger(SimulatorRestartChecks.class);

    private final TikTokProperties properties;
    private final ConnectionRepository connections;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    SimulatorRestartChecks(TikTokProperties properties, ConnectionRepository connections,
            ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.properties = properties;
        this.connections = connections;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkEveryConnectionAfterARestart() {
        if (!properties.simulatorMode()) {
            return;
        }
        int due = connections.markAllDueForCheck();
        if (due == 0) {
            return;
        }
        log.info("Simulator mode: the simulator forgot its grants at restart; checking {} TikTok connections now", due);
        scheduler.ifAvailable(client -> {
            try {
                client.reschedule(TaskInstanceId.of(ConnectionTasks.HEALTH, RecurringTask.INSTANCE), clock.instant());
            } catch (RuntimeException e) {
                // Running right now: that run checks the connections just made due.
                log.info("The TikTok connection health check is already running ({})", e.getClass().getSimpleName());
            }
        });
    }
}
