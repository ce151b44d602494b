package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * PostgreSQL drops the application's connections while a report sync is running (an operator's
 * {@code pg_terminate_backend}, a failover, a pooler restart): the sync still ends with exactly the facts an
 * undisturbed sync of the same data stores, within its retry budget, and the application recovers without a restart.
 */
class ReportSyncDroppedConnectionsIT extends IntegrationTest {

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulator;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSyncWhoseDatabaseConnectionsAreTerminatedEndsWithExactlyTheUndisturbedFacts() throws Exception {
        var control = EmbeddedSimulator.control(simulator);
        List<String> advertisers = control.advertiserIds().subList(0, 2);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        LocalDate from = to.minusDays(59);

        WorkspaceId disturbed = WorkspaceId.random();
        UUID connection = UUID.randomUUID();
        tokens.storeAccessToken(disturbed, connection,
                new AccessToken(control.issueAccessToken("7000000000000000001", advertisers)));
        // each report page answers after 300 ms, so the sync is still running when the connections go
        simulator().control("POST", "/_sim/faults", Map.of("path", "/report/integrated/get/", "latencyMs", 300));
        JobView job = jobs.submit(JobRequest.of(disturbed, ReportSync.JOB, new ReportSync.Payload(connection, from, to)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(disturbed, job.jobId()).orElseThrow().status(), s -> s == JobStatus.RUNNING);

        int terminated = 0;
        for (int round = 0; round < 3; round++) {
            terminated += terminateEveryOtherBackend();
            Thread.sleep(300);
        }
        assertThat(terminated).as("backends terminated while the sync ran").isPositive();
        assertThat(jobs.find(disturbed, job.jobId()).orElseThrow().status()).as("the sync after the terminations")
                .isNotEqualTo(JobStatus.SUCCEEDED);
        simulator().control("DELETE", "/_sim/faults", null);

        // The attempt the terminations broke is retried; if the scheduler could not even write that down (its own
        // connection was terminated too), the execution stays picked until its missed heartbeats revive it (the test
        // profile's heartbeat is 5 s): either way within this wait.
        JobView done = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> jobs.find(disturbed, job.jobId()).orElseThrow(), j -> j.status().finished());
        assertThat(done.status()).as(String.valueOf(done.lastError())).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).as("attempts within the retry budget").isBetween(1, 5);

        WorkspaceId undisturbed = WorkspaceId.random();
        UUID second = UUID.randomUUID();
        tokens.storeAccessToken(undisturbed, second,
                new AccessToken(control.issueAccessToken("7000000000000000001", advertisers)));
        JobView clean = jobs.submit(JobRequest.of(undisturbed, ReportSync.JOB, new ReportSync.Payload(second, from, to)));
        JobView cleanDone = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> jobs.find(undisturbed, clean.jobId()).orElseThrow(), j -> j.status().finished());
        assertThat(cleanDone.status()).isEqualTo(JobStatus.SUCCEEDED);

        List<String> facts = facts(disturbed);
        assertThat(facts).as("the facts after the dropped connections").isNotEmpty()
                .doesNotHaveDuplicates().containsExactlyElementsOf(facts(undisturbed));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                Http.get(url("/actuator/health/readiness")).statusCode() == 200);
    }

    @AfterEach
    void noLatency() {
        simulator().control("DELETE", "/_sim/faults", null);
    }

    private SimulatorApi simulator() {
        return new SimulatorApi(port, ApiClient.JSON);
    }

    /** Every connection to this database but the caller's: the application's pool, scheduler and listeners. */
    private int terminateEveryOtherBackend() {
        // The pool may lend this statement a connection the round before terminated (it does not re-check one used
        // less than 500 ms ago): that connection's first statement fails, and the pool then drops it.
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.sql("""
                                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                                WHERE datname = current_database() AND pid <> pg_backend_pid()""")
                        .query(Integer.class).single();
            } catch (DataAccessResourceFailureException terminatedBefore) {
                if (attempt == 10) {
                    throw terminatedBefore;
                }
            }
        }
    }

    private List<String> facts(WorkspaceId workspace) {
        return jdbc.sql("""
                        SELECT level, entity_id, stat_date, spend, impressions, clicks, conversions
                        FROM report_daily_facts WHERE workspace_id = :ws
                        ORDER BY level, entity_id, stat_date""")
                .param("ws", workspace.value())
                .query((rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4).toPlainString(), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
