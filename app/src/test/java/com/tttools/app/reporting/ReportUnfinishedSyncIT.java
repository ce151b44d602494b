package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sync that did not finish for one advertiser: days long past the restatement window are not called settled
 * while that advertiser's facts are missing, and become settled once its pull has finished.
 */
class ReportUnfinishedSyncIT extends SimulatedWorkspaceTest {

    @Autowired
    Reports reports;

    @AfterEach
    void clearFaults() {
        simulator().clearFaults();
    }

    @Test
    void daysAreNotSettledWhileAnAdvertisersPullHasNotFinished() {
        SimulatorControl control = simulator();
        List<String> both = control.advertiserIds().stream().sorted().limit(2).toList();
        String first = both.get(0);
        String second = both.get(1);
        WorkspaceId workspace = WorkspaceId.random();
        UUID connection = UUID.randomUUID();
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        LocalDate from = to.minusDays(4);
        ReportSync.Payload payload = new ReportSync.Payload(connection, from, to);

        // TikTok's report endpoint fails: neither advertiser's pull finishes.
        tokenStore.storeAccessToken(workspace, connection, new AccessToken(control.issueAccessToken(DEV_APP, both)));
        control.addFault(SimulatorControl.Fault.code(40002).onPath("/report/integrated/get/"));
        assertThat(runSync(workspace, payload).status()).isEqualTo(JobStatus.FAILED);
        control.clearFaults();
        // The first advertiser is pulled again and finishes; the second one's pull still has not.
        tokenStore.storeAccessToken(workspace, connection, new AccessToken(control.issueAccessToken(DEV_APP, List.of(first))));
        assertThat(runSync(workspace, payload).status()).isEqualTo(JobStatus.SUCCEEDED);

        ReportResult partial = reports.run(workspace, query(from, to));
        assertThat(partial.advertisers()).extracting(ReportResult.AdvertiserInfo::advertiserId).containsExactly(first);
        assertThat(partial.dates()).hasSize(5).allSatisfy(d -> assertThat(d.status()).isEqualTo(Finality.PROVISIONAL));
        assertThat(partial.warnings()).anySatisfy(w -> assertThat(w).contains("did not finish").contains(from.toString()));
        // The ledger of the advertiser whose pull finished is settled.
        assertThat(reports.finality(workspace, from, to, List.of(), 100)).isNotEmpty()
                .allSatisfy(day -> {
                    assertThat(day.advertiserId()).isEqualTo(first);
                    assertThat(day.status()).isEqualTo(Finality.SETTLED);
                });

        tokenStore.storeAccessToken(workspace, connection, new AccessToken(control.issueAccessToken(DEV_APP, both)));
        assertThat(runSync(workspace, payload).status()).isEqualTo(JobStatus.SUCCEEDED);

        ReportResult complete = reports.run(workspace, query(from, to));
        assertThat(complete.advertisers()).extracting(ReportResult.AdvertiserInfo::advertiserId)
                .containsExactlyInAnyOrder(first, second);
        assertThat(complete.dates()).allSatisfy(d -> assertThat(d.status()).isEqualTo(Finality.SETTLED));
        assertThat(complete.warnings()).noneSatisfy(w -> assertThat(w).contains("did not finish"));
    }

    private static ReportQuery query(LocalDate from, LocalDate to) {
        return new ReportQuery(ReportLevel.ADVERTISER, from, to, List.of(Metric.SPEND), true, true,
                ReportQuery.Filters.NONE, null, 100, 0);
    }

    private JobView runSync(WorkspaceId workspace, ReportSync.Payload payload) {
        JobView job = jobs.submit(JobRequest.of(workspace, ReportSync.JOB, payload));
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.find(workspace, job.jobId()).orElseThrow(), j -> j.status().finished());
    }
}
