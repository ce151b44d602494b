package com.tttools.app.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.jobs.TestJobHandler;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security check 54 for every endpoint that starts a job with an {@code Idempotency-Key} (a connection's sync, personal
 * and organization data exports): the key names one job for 24 hours, for one request only.
 */
class IdempotencyKeysIT extends IntegrationTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcClient jdbc;

    final WorkspaceId workspace = WorkspaceId.random();

    JobRequest<TestJobHandler.Units> request(String payload, String key) {
        return JobRequest.of(workspace, TestJobHandler.TYPE, TestJobHandler.Units.of(payload)).withIdempotencyKey(key);
    }

    @Test
    void theSameKeyAndPayloadReturnTheFirstJobAndAnotherPayloadIsRefused() {
        JobView first = jobs.submit(request("{\"units\": 1}", "same-key"));
        assertThat(jobs.submit(request("{\"units\": 1}", "same-key")).id()).isEqualTo(first.id());

        assertThatThrownBy(() -> jobs.submit(request("{\"units\": 2}", "same-key")))
                .isInstanceOfSatisfying(ValidationFailedException.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field).containsExactly("Idempotency-Key"));
        assertThat(jobsWithKey("same-key")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE workspace_id = :ws").param("ws", workspace.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesMakeOneJob() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<JobView>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return jobs.submit(request("{\"units\": 1}", "concurrent-key"));
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<JobView> answer : answers) {
                ids.add(answer.get().id());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE workspace_id = :ws").param("ws", workspace.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aKeyOlderThanADayIsForgottenAndItsReuseStartsANewJob() {
        JobView old = jobs.submit(request("{\"units\": 1}", "day-old-key"));
        age(old, 24 * 60 + 1);
        JobView fresh = jobs.submit(request("{\"units\": 2}", "day-old-key"));

        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(keyOf(old)).isNull();
        assertThat(keyOf(fresh)).isEqualTo("day-old-key");
    }

    @Test
    void thePurgeClearsKeysUsedMoreThanADayAgoOnly() {
        JobView old = jobs.submit(request("{\"units\": 1}", "purged-" + UUID.randomUUID()));
        JobView recent = jobs.submit(request("{\"units\": 1}", "kept-" + UUID.randomUUID()));
        age(old, 24 * 60 + 1);
        age(recent, 24 * 60 - 5);

        IdempotencyKeyPurge.purge(repository, Instant.now());

        assertThat(keyOf(old)).isNull();
        assertThat(keyOf(recent)).startsWith("kept-");
        assertThat(jobs.find(workspace, old.jobId())).as("the job itself stays").isPresent();
        Set<String> stale = jdbc.sql("""
                        SELECT id::text FROM jobs WHERE idempotency_key IS NOT NULL
                        AND created_at < now() - interval '24 hours'""").query(String.class).list().stream()
                .collect(Collectors.toSet());
        assertThat(stale).isEmpty();
    }

    private void age(JobView job, int minutes) {
        jdbc.sql("UPDATE jobs SET created_at = now() - make_interval(mins => :m) WHERE id = :id")
                .param("m", minutes).param("id", UUID.fromString(job.id())).update();
    }

    private String keyOf(JobView job) {
        return jdbc.sql("SELECT idempotency_key FROM jobs WHERE id = :id").param("id", UUID.fromString(job.id()))
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    private long jobsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM jobs WHERE workspace_id = :ws AND idempotency_key = :k")
                .param("ws", workspace.value()).param("k", key).query(Long.class).single();
    }
}
