package com.tttools.app.jobs.web;

import com.tttools.app.audit.JobNames;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The audit page's {@link JobNames}: the kind of each job that acted, in words ("Campaign and asset sync"). One
 * look-up per distinct job of the page (at most the page's 50 events), each scoped by the event's workspace.
 */
@Component
class JobNamesForAudit implements JobNames {

    private final Jobs jobs;
    private final JobTypeLabels labels;

    JobNamesForAudit(Jobs jobs, JobTypeLabels labels) {
        this.jobs = jobs;
        this.labels = labels;
    }

    @Override
    public Map<UUID, String> labels(WorkspaceId workspace, Collection<UUID> jobIds) {
        Map<UUID, String> found = new HashMap<>();
        jobIds.stream().distinct().forEach(id -> jobs.find(workspace, new JobId(id))
                .ifPresent(job -> found.put(id, labels.label(job.type()))));
        return found;
    }
}
