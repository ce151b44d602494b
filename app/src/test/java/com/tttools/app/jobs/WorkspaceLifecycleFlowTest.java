package com.tttools.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ModuleTest;
import com.tttools.app.tenancy.TenancyEvents.WorkspaceDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The jobs module with the modules it uses: jobs follow their workspace through tenancy's lifecycle events. The
 * platform (database, scheduler) comes in explicitly: jobs uses none of its API.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class WorkspaceLifecycleFlowTest extends ModuleTest {

    @Autowired
    Jobs jobs;

    final WorkspaceId workspace = WorkspaceId.random();
    final OrganizationId organization = OrganizationId.random();

    @Test
    void aDeletedWorkspacesQueuedJobsAreCancelled(Scenario scenario) {
        JobView queued = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE, TestJobHandler.Units.of("{}")));
        JobView elsewhere = jobs.submit(JobRequest.of(WorkspaceId.random(), TestJobHandler.TYPE,
                TestJobHandler.Units.of("{}")));

        scenario.publish(new WorkspaceDeleted(workspace, organization, "Resting Brand",
                        Instant.now().plus(Duration.ofDays(30)), Actor.user(UserId.random(), "owner@example.com"),
                        RequestMetadata.none(), Instant.now()))
                .andWaitForStateChange(() -> status(workspace, queued), JobStatus.CANCELLED::equals)
                .andVerify(status -> assertThat(status(WorkspaceId.of(elsewhere.workspaceId()), elsewhere))
                        .as("another workspace's job").isNotEqualTo(JobStatus.CANCELLED));
    }

    @Test
    void aPurgedWorkspaceLosesItsJobs(Scenario scenario) {
        JobView queued = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE, TestJobHandler.Units.of("{}")));

        scenario.publish(new WorkspacePurged(workspace, organization, "Gone Brand", Instant.now()))
                .andWaitForStateChange(() -> jobs.find(workspace, queued.jobId()), Optional::isEmpty)
                .andVerify(gone -> assertThat(jobs.list(workspace, JobFilter.any(), 10, null).items()).isEmpty());
    }

    private JobStatus status(WorkspaceId workspaceId, JobView job) {
        return jobs.find(workspaceId, job.jobId()).orElseThrow().status();
    }
}
