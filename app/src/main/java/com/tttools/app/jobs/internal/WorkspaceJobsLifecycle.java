package com.tttools.app.jobs.internal;

import com.tttools.app.shared.JobId;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspaceDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Jobs follow their workspace: a deleted workspace's queued and running jobs are cancelled (a running one stops
 * at its next cancellation check); a workspace removed for good (purged, or with its organization) loses its
 * job rows too. A running job whose row is gone stops at its next check ({@code cancelRequested} of a missing
 * row is true) and its execution finds nothing to update.
 */
@Component
class WorkspaceJobsLifecycle {

    private final JdbcClient jdbc;
    private final Jobs jobs;

    WorkspaceJobsLifecycle(JdbcClient jdbc, Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(WorkspaceDeleted deleted) {
        cancelUnfinished(deleted.workspaceId());
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        purge(purged.workspaceId());
    }

    @ApplicationModuleListener
    void on(OrganizationDeleted deleted) {
        deleted.workspaceIds().forEach(this::purge);
    }

    /** Returns how many jobs were asked to stop. */
    int cancelUnfinished(WorkspaceId workspaceId) {
        int cancelled = 0;
        for (JobId id : jdbc.sql("SELECT id FROM jobs WHERE workspace_id = :ws AND status IN ('QUEUED', 'RUNNING')")
                .param("ws", workspaceId.value()).query((rs, i) -> new JobId(rs.getObject("id", UUID.class))).list()) {
            if (jobs.cancel(workspaceId, id)) {
                cancelled++;
            }
        }
        return cancelled;
    }

    void purge(WorkspaceId workspaceId) {
        cancelUnfinished(workspaceId);
        jdbc.sql("DELETE FROM jobs WHERE workspace_id = :ws").param("ws", workspaceId.value()).update();
    }
}
