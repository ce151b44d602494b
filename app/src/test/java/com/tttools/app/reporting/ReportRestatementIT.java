package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Late conversions: after the simulator's clock moves on three days, a re-pull of the same window raises the
 * conversions of recent (provisional) days, leaves settled days untouched, and the finality ledger says so.
 */
class ReportRestatementIT extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reports reports;

    @Test
    void lateConversionsReviseProvisionalDaysAndLeaveSettledDaysUnchanged() {
        var control = simulator();
        List<String> all = control.advertiserIds();
        String advertiser = all.get(1);
        WorkspaceId workspace = WorkspaceId.random();
        UUID connection = UUID.randomUUID();
        tokenStore.storeAccessToken(workspace, connection,
                new AccessToken(control.issueAccessToken(DEV_APP, List.of(advertiser))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportSync.Payload payload = new ReportSync.Payload(connection, today.minusDays(12), today.minusDays(2));

        assertThat(sync(workspace, payload).status()).isEqualTo(JobStatus.SUCCEEDED);
        Map<LocalDate, Long> before = conversionsByDay(workspace);

        control.advance(Duration.ofDays(3));
        try {
            assertThat(sync(workspace, payload).status()).isEqualTo(JobStatus.SUCCEEDED);
        } finally {
            control.advance(Duration.ofDays(-3));
        }
        Map<LocalDate, Long> after = conversionsByDay(workspace);

        // The simulator's conversions settle seven days after the day; days at least ten days old were settled.
        for (LocalDate day = today.minusDays(12); !day.isAfter(today.minusDays(10)); day = day.plusDays(1)) {
            assertThat(after.get(day)).as("settled " + day).isEqualTo(before.get(day));
            assertThat(ledger(workspace, day)).as("ledger " + day).containsExactly(2, 0, 0);
        }
        long revisedDays = before.keySet().stream().filter(d -> d.isAfter(today.minusDays(7)))
                .filter(d -> after.get(d) > before.get(d)).count();
        assertThat(revisedDays).as("recent days whose conversions rose").isPositive();
        assertThat(before.keySet().stream().filter(d -> d.isAfter(today.minusDays(7)))
                .mapToLong(d -> ledger(workspace, d)[2]).sum()).isPositive();
        before.forEach((day, value) -> assertThat(after.get(day)).as("never lower " + day).isGreaterThanOrEqualTo(value));

        // The ledger as the API gives it: settled days unchanged at the second pull, provisional ones revised.
        List<FinalityDay> ledger = reports.finality(workspace, today.minusDays(12), today.minusDays(2), List.of(), 100);
        assertThat(ledger).hasSize(11).allSatisfy(d -> assertThat(d.pullCount()).isEqualTo(2));
        assertThat(ledger.get(0).date()).isEqualTo(today.minusDays(2));
        assertThat(ledger.get(0).status()).isEqualTo(Finality.PROVISIONAL);
        assertThat(ledger).filteredOn(d -> d.date().isBefore(today.minusDays(9)))
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo(Finality.SETTLED);
                    assertThat(d.lastRowsChanged()).isZero();
                    assertThat(d.lastConversionsDelta()).isZero();
                });
        assertThat(ledger).filteredOn(d -> d.lastConversionsDelta() > 0).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(Finality.PROVISIONAL));
    }

    private JobView sync(WorkspaceId workspace, ReportSync.Payload payload) {
        JobView job = jobs.submit(JobRequest.of(workspace, ReportSync.JOB, payload));
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.find(workspace, job.jobId()).orElseThrow(), j -> j.status().finished());
    }

    private Map<LocalDate, Long> conversionsByDay(WorkspaceId workspace) {
        Map<LocalDate, Long> byDay = new HashMap<>();
        jdbc.sql("""
                        SELECT stat_date, conversions FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = 'ADVERTISER'""")
                .param("ws", workspace.value())
                .query((rs, i) -> byDay.put(rs.getDate(1).toLocalDate(), rs.getLong(2))).list();
        return byDay;
    }

    /** {pull_count, last_rows_changed, last_conversions_delta} of a day. */
    private long[] ledger(WorkspaceId workspace, LocalDate day) {
        return jdbc.sql("""
                        SELECT pull_count, last_rows_changed, last_conversions_delta FROM report_finality
                        WHERE workspace_id = :ws AND stat_date = :day""")
                .param("ws", workspace.value()).param("day", java.sql.Date.valueOf(day))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }
}
