package com.tttools.app.tenancy.core;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Purges workspaces whose 30 restorable days ran out, hourly, on one node of the cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class WorkspacePurgeTask {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurgeTask.class);
    private static final int BATCH = 100;

    @Bean
    RecurringTask<Void> workspacePurge(WorkspaceService workspaces) {
        return Tasks.recurring("tenancy-workspace-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int purged = workspaces.purgeExpired(BATCH);
                    if (purged > 0) {
                        log.info("Purged {} workspaces deleted more than 30 days ago", purged);
                    }
                });
    }
}
