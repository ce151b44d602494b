package com.tttools.app.tenancy.core;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Purges workspaces whose 30 restorable days ran out, hourly, on one node of the cluster (db-scheduler).
 * <p>
 * A one-time task per hour (instance id = the hour, so several nodes schedule it once) that schedules the next
 * hour, rather than {@code Tasks.recurring}: the platform's scheduler registers {@code OnStartup} tasks twice
 * (as known and as start-up tasks), which db-scheduler rejects as a duplicate.
 */
@Configuration(proxyBeanMethods = false)
class WorkspacePurgeTask {

    static final String NAME = "tenancy-workspace-purge";
    private static final Logger log = LoggerFactory.getLogger(WorkspacePurgeTask.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 100;

    @Bean
    OneTimeTask<Void> workspacePurge(WorkspaceService workspaces, Clock clock) {
        return Tasks.oneTime(NAME, Void.class).execute((instance, context) -> {
            int purged = workspaces.purgeExpired(BATCH);
            if (purged > 0) {
                log.info("Purged {} workspaces deleted more than 30 days ago", purged);
            }
            Instant next = clock.instant().plus(EVERY).truncatedTo(ChronoUnit.HOURS);
            context.getSchedulerClient().scheduleIfNotExists(new TaskInstance<>(NAME, next.toString()), next);
        });
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> scheduleWorkspacePurge(ObjectProvider<SchedulerClient> scheduler,
            Clock clock) {
        return event -> scheduler.ifAvailable(client -> {
            Instant now = clock.instant();
            client.scheduleIfNotExists(new TaskInstance<>(NAME, now.truncatedTo(ChronoUnit.HOURS).toString()), now);
        });
    }
}
