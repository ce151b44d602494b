package com.tttools.app.jobs;

import com.tttools.app.shared.JobId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobsIT extends IntegrationTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    OneTimeTask<String> userJobTask;

    final WorkspaceId workspace = WorkspaceId.random();

    JobView submit(String payload) {
        return jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE, TestJobHandler.Units.of(payload)));
    }

    JobView awaitFinished(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> jobs.find(workspace, JobId.of(id)).orElseThrow(), job -> job.status().finished());
    }

    @Test
    void aJobRunsToSuccessReportingProgress() {
        JobView queued = submit("{\"units\": 4}");
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.workspaceId()).isEqualTo(workspace.toString());

        JobView done = awaitFinished(queued.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(new JobView.Progress(4, 4L));
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
    }

    @Test
    void messagesAreKeptOnceEachAcrossAttemptsAndShownWithTheJob() {
        JobView done = awaitFinished(submit(
                "{\"units\": 2, \"failTimes\": 1, \"messages\": [\"Skipped campaign 1\", \"Skipped campaign 2\"]}").id());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.messages()).containsExactly("Skipped campaign 1", "Skipped campaign 2");
    }

    @Test
    void transientFailuresAreRetriedAndResumeFromTheCheckpoint() {
        JobView done = awaitFinished(submit("{\"units\": 6, \"failTimes\": 2}").id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.progress().done()).isEqualTo(6);
        // A succeeded job shows no error: the failures it recovered from are history, not its state.
        assertThat(done.lastError()).isNull();
    }

    @Test
    void aJobThatKeepsFailingStopsAfterItsAttempts() {
        JobView failed = awaitFinished(submit("{\"units\": 2, \"failTimes\": 99}").id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastError()).isEqualTo("transient failure #4");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        JobView failed = awaitFinished(submit("{\"permanent\": true}").id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("permanent failure requested");
    }

    @Test
    void oneJobPerConcurrencyKeyAtATimeAndCancellationStopsIt() {
        JobRequest<TestJobHandler.Units> request = JobRequest.of(workspace, TestJobHandler.TYPE,
                TestJobHandler.Units.of("{\"waitForCancel\": true}")).withConcurrencyKey("sync:abc");
        JobView first = jobs.submit(request);
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(workspace, first.jobId()).orElseThrow().status(),
                s -> s == JobStatus.RUNNING);
        assertThat(jobs.submit(request).id()).isEqualTo(first.id());

        assertThat(jobs.cancel(workspace, first.jobId())).isTrue();
        assertThat(awaitFinished(first.id()).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(jobs.cancel(workspace, first.jobId())).isFalse();

        JobView second = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE,
                TestJobHandler.Units.of("{}")).withConcurrencyKey("sync:abc"));
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void cancellingByConcurrencyKeyStopsTheJobAndOneThatFailsOnItsWayOutEndsCancelledNotRetried() {
        String key = "sync:fail-on-cancel";
        JobView running = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE,
                TestJobHandler.Units.of("{\"waitForCancel\": true, \"failWhenCancelled\": true}")).withConcurrencyKey(key));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(workspace, running.jobId()).orElseThrow().status(),
                s -> s == JobStatus.RUNNING);
        assertThat(jobs.hasUnfinished(workspace, key)).isTrue();
        assertThat(jobs.cancelUnfinished(WorkspaceId.random(), key)).as("another workspace").isZero();

        assertThat(jobs.cancelUnfinished(workspace, key)).isEqualTo(1);

        JobView done = awaitFinished(running.id());
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(jobs.hasUnfinished(workspace, key)).isFalse();
    }

    @Test
    void aTypeNoHandlerRunsIsRefusedAtSubmit() {
        record Nothing() {
        }
        assertThatThrownBy(() -> jobs.submit(JobRequest.of(workspace, JobType.of("test.unhandled", Nothing.class),
                new Nothing()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No handler for job type test.unhandled");
        assertThat(jobs.list(workspace, JobFilter.any(), 10, null).items()).isEmpty();
    }

    @Test
    void aQueuedJobWhoseTypeLostItsHandlerFailsSayingSo() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, type, status, payload, max_attempts, created_at, updated_at)
                        VALUES (:id, :ws, 'test.removed-type', 'QUEUED', '{}'::jsonb, 4, now(), now())""")
                .param("id", id).param("ws", workspace.value()).update();
        scheduler.scheduleIfNotExists(userJobTask.instance(id.toString(), id.toString()), Instant.now());

        JobView failed = awaitFinished(id.toString());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("No handler for job type test.removed-type");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstJob() {
        JobRequest<TestJobHandler.Units> request = JobRequest.of(workspace, TestJobHandler.TYPE,
                TestJobHandler.Units.of("{}")).withIdempotencyKey("key-123");
        assertThat(jobs.submit(request).id()).isEqualTo(jobs.submit(request).id());
    }

    @Test
    void anotherWorkspaceNeitherSeesNorCancelsTheJob() {
        JobView job = submit("{\"units\": 1}");
        WorkspaceId other = WorkspaceId.random();
        assertThat(jobs.find(other, job.jobId())).isEmpty();
        assertThat(jobs.cancel(other, job.jobId())).isFalse();
        assertThat(jobs.list(other, JobFilter.any(), 50, null).items()).isEmpty();
    }

    @Test
    void listsPageNewestFirstWithAnOpaqueCursor() {
        for (int i = 0; i < 5; i++) {
            submit("{\"units\": 1}");
        }
        var first = jobs.list(workspace, JobFilter.any(), 3, null);
        assertThat(first.items()).hasSize(3);
        assertThat(first.nextCursor()).isNotNull();
        var second = jobs.list(workspace, JobFilter.any(), 3, first.nextCursor());
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().get(0).createdAt()).isAfterOrEqualTo(first.items().get(2).createdAt());
        assertThatThrownBy(() -> jobs.list(workspace, JobFilter.any(), 3, "garbage!"))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> jobs.list(workspace, JobFilter.any(), 501, null))
                .isInstanceOf(ValidationFailedException.class);
    }
}
