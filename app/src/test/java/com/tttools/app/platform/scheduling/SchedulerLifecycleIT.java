package com.tttools.app.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.jobs.TestJobHandler;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test context cache stops an idle context and starts it again later: the scheduler must come back. */
class SchedulerLifecycleIT extends IntegrationTest {

    @Autowired
    SchedulerConfiguration.SchedulerLifecycle lifecycle;
    @Autowired
    Jobs jobs;

    @Test
    void aStoppedContextThatStartsAgainRunsJobsAgain() {
        lifecycle.stop();
        assertThat(lifecycle.isRunning()).isFalse();

        lifecycle.start();

        assertThat(lifecycle.isRunning()).isTrue();
        WorkspaceId workspace = WorkspaceId.random();
        JobView job = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE, TestJobHandler.Units.of("{}")));
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(workspace, job.jobId()).orElseThrow(),
                j -> j.status().finished()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }
}
