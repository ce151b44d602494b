package com.tttools.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL itself goes away and comes back (a restart, a failover) while 200 jobs are queued and running: the
 * application needs no restart, readiness says DOWN while the database is gone and UP after, and every job ends
 * SUCCEEDED exactly once, within its retry budget, with all its work done. The application runs in this JVM as its
 * own context against a PostgreSQL server of its own (the shared one cannot be restarted under the other tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // quick polling and a short heartbeat, so executions orphaned by the outage are picked up again soon
        "tttools.scheduler.polling-interval=200ms",
        "tttools.scheduler.heartbeat-interval=1s",
        "tttools.scheduler.missed-heartbeats-limit=4",
        "tttools.jobs.first-retry-delay=200ms",
        "tttools.jobs.max-attempts=8",
        // readiness says DOWN within this wait once the database is gone (HikariCP's default is 30 s)
        "tttools.database.connection-wait=3s"})
@ActiveProfiles("test")
@DirtiesContext
class PostgresRestartDuringJobsIT {

    private static final int JOBS = 200;
    private static final int UNITS = 30;
    private static final Path DATA = Path.of("target", "postgres-restart-" + System.nanoTime());
    private static final int PG_PORT = freePort();
    private static EmbeddedPostgres postgres;

    @Autowired
    Jobs jobs;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        postgres = startPostgres();
        registry.add("tttools.database.url", () -> "postgres://postgres@localhost:" + PG_PORT + "/postgres");
    }

    /** Before the context closes (@DirtiesContext): its pool and scheduler then stop without a database. */
    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoHundredJobsSurviveARestartOfPostgresqlAndEachRunsExactlyOnce() throws Exception {
        List<JobView> submitted = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            submitted.add(jobs.submit(JobRequest.of(WorkspaceId.random(), TestJobHandler.TYPE,
                    TestJobHandler.Units.of("{\"units\": " + UNITS + "}"))));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(submitted, JobStatus.SUCCEEDED) >= 5);

        long finishedBefore = count(submitted, JobStatus.SUCCEEDED);
        assertThat(finishedBefore).as("jobs done before the restart (the rest must meet it)").isLessThan(JOBS);
        postgres.close();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> readiness() == 503);
        Thread.sleep(3_000);
        postgres = startPostgres();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> readiness() == 200);
        List<JobView> finished = await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> submitted.stream().map(this::reload).toList(),
                        all -> all.stream().allMatch(j -> j.status().finished()));

        Map<JobStatus, Long> outcomes = finished.stream()
                .collect(Collectors.groupingBy(JobView::status, Collectors.counting()));
        assertThat(outcomes).as("outcomes").containsExactly(Map.entry(JobStatus.SUCCEEDED, (long) JOBS));
        assertThat(finished).as("every job did all its work, within its retry budget").allSatisfy(job -> {
            assertThat(job.progress().done()).isEqualTo(UNITS);
            assertThat(job.attempts()).isBetween(1, 8);
        });
        assertThat(finished.stream().map(JobView::id).distinct()).hasSize(JOBS);
        assertThat(readiness()).isEqualTo(200);
    }

    private JobView reload(JobView job) {
        return jobs.find(WorkspaceId.of(job.workspaceId()), job.jobId()).orElseThrow();
    }

    private long count(List<JobView> submitted, JobStatus status) {
        return submitted.stream().map(this::reload).filter(j -> j.status() == status).count();
    }

    private int readiness() {
        return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode();
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        Files.createDirectories(DATA);
        return EmbeddedPostgres.builder()
                .setDataDirectory(DATA)
                .setCleanDataDirectory(false)
                .setPort(PG_PORT)
                .setRegisterShutdownHook(true)
                .setServerConfig("listen_addresses", "localhost")
                .start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
