package com.tttools.app.tenancy.core;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Purges workspaces whose 30 restorable days ran out: at start-up, then hourly, on one node of the cluster. */
@Configuration(proxyBeanMethods = false)
class WorkspacePurgeTask {

    static final String NAME = "tenancy-workspace-purge";
    private static final Logger log = LoggerFactory.getLogger(WorkspacePurgeTask.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 100;

    @Bean
    RecurringTask<Void> workspacePurge(WorkspaceService workspaces) {
        return Tasks.recurring(NAME, FixedDelay.of(EVERY)).execute((instance, context) -> {
            int purged = workspaces.purgeExpired(BATCH);
            if (purged > 0) {
                log.info("Purged {} workspaces deleted more than 30 days ago", purged);
            }
        });
    }
}
