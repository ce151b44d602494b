package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ModuleTest;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionEstablished;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/** The reporting module with the modules it uses: a new TikTok connection gets its report backfill queued. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = "tttools.reporting.sync-on-connect=true")
class ReportingConnectionFlowTest extends ModuleTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewConnectionGetsItsReportBackfillQueued(Scenario scenario) {
        WorkspaceId workspace = WorkspaceId.random();
        UUID connection = UUID.randomUUID();

        scenario.publish(new ConnectionEstablished(connection, workspace, OrganizationId.random(),
                        List.of("7000000000000000001"), List.of(1L), Actor.user(UserId.random(), "owner@example.com"),
                        RequestMetadata.none(), Instant.now()))
                .andWaitForStateChange(() -> reportSyncs(workspace), syncs -> !syncs.isEmpty())
                .andVerify(syncs -> {
                    assertThat(syncs).hasSize(1);
                    assertThat(syncs.get(0).type()).isEqualTo("tiktok.report-sync");
                    assertThat(syncs.get(0).createdBy()).as("the system's backfill").isNull();
                    var row = jdbc.sql("SELECT payload->>'connectionId', payload->>'from', concurrency_key FROM jobs "
                                    + "WHERE id = :id").param("id", UUID.fromString(syncs.get(0).id()))
                            .query((rs, i) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3)))
                            .single();
                    assertThat(row).containsExactly(connection.toString(), "null",
                            ReportSync.concurrencyKey(connection));
                });
    }

    private List<JobView> reportSyncs(WorkspaceId workspace) {
        return jobs.list(workspace, JobFilter.of(ReportSync.JOB), 10, null).items();
    }
}
