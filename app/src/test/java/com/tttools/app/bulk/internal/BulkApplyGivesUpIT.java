package com.tttools.app.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An apply job that gives up for a reason of its own — not an answer from TikTok — still ends its change set: lines
 * not sent are FAILED with the reason, written lines are verified, the change set ends PARTIALLY_SUCCEEDED or
 * FAILED, audited and notified; one whose job ended in the jobs module is settled by the change-set clock.
 */
class BulkApplyGivesUpIT extends SimulatedWorkspaceTest {

    @Autowired
    BulkOperations bulk;
    @Autowired
    ChangeSetClock changeSets;
    @Autowired
    JdbcClient jdbc;

    WorkspaceId ws;
    BulkOperations.Caller author;
    String advertiser;
    String token;
    List<String> ads;

    @BeforeEach
    void workspaceWith25EnabledAds() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("gives-up");
        String org = tenants.createOrganization(owner, "Gives Up Org");
        ws = WorkspaceId.of(tenants.createWorkspace(owner, org, "Gives Up Brand"));
        author = new BulkOperations.Caller(new UserId(UUID.fromString(owner.id())), owner.email(),
                RequestMetadata.none());
        advertiser = simulator().advertiserIds().get(3);
        SimulatedConnection connection = connect(ws, List.of(advertiser));
        token = connection.token().value();
        List<JsonNode> enabled = AdsInInventory.enabled(
                tiktok("GET", "/ad/get/?page_size=1000&advertiser_id=" + advertiser, null), status -> !status.contains("DELETE"));
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(25);
        ads = AdsInInventory.store(jdbc, connection, advertiser, enabled.subList(0, 25), "{}");
        bulk.updatePolicy(author, ws, new BulkPolicy("NEVER", null, null));
    }

    @Test
    void whenTheHandlerCannotSendALineTheRestIsNotSentAndTheChangeSetEndsPartlySucceededAuditedAndNotified() {
        ChangeSetView plan = bulk.plan(author, ws, new PlanCommand(BulkAction.PAUSE, BulkLevel.AD, ads, null, null,
                null, null), null);
        assertThat(plan.status()).isEqualTo(ChangeSetStatus.APPROVED);
        // the first line of the second chunk holds a status TikTok does not know: no retry can send it
        int seq = jdbc.sql("SELECT seq FROM bulk_change_lines WHERE workspace_id = :ws AND change_set_id = :id ORDER BY seq")
                .param("ws", ws.value()).param("id", UUID.fromString(plan.id())).query(Integer.class).list().get(20);
        jdbc.sql("""
                        UPDATE bulk_change_lines SET after_value = '{"status": "SNOOZE"}'::jsonb
                        WHERE workspace_id = :ws AND change_set_id = :id AND seq = :seq""")
                .param("ws", ws.value()).param("id", UUID.fromString(plan.id())).param("seq", seq).update();

        String jobId = bulk.apply(author, ws, plan.id());
        ChangeSetView done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> bulk.find(ws, plan.id()).orElseThrow(), cs -> cs.status().finished());

        assertThat(done.status()).isEqualTo(ChangeSetStatus.PARTIALLY_SUCCEEDED);
        assertThat(done.counts().verified()).isEqualTo(20);
        assertThat(done.counts().failed()).isEqualTo(5);
        assertThat(done.counts().pending()).isZero();
        List<ChangeSetView.Line> failed = done.lines().stream().filter(l -> l.status() == LineStatus.FAILED).toList();
        assertThat(failed).allSatisfy(l -> assertThat(l.note()).startsWith("Not sent: the apply job stopped")
                .contains("holds no value TikTok could be sent"));
        JobView job = await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.find(ws, com.tttools.app.shared.JobId.of(jobId)).orElseThrow(), j -> j.status().finished());
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempts()).as("not retried").isEqualTo(1);

        Map<String, String> atTikTok = statuses(ads);
        assertThat(done.lines()).allSatisfy(l -> assertThat(atTikTok.get(l.tiktokId()))
                .isEqualTo(l.status() == LineStatus.VERIFIED ? "DISABLE" : "ENABLE"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                            SELECT details ->> 'reason' FROM audit_events
                            WHERE action = 'bulk_operation.applied' AND target_id = :id""")
                    .param("id", plan.id()).query(String.class).list())
                    .singleElement().asString().contains("holds no value TikTok could be sent");
            assertThat(jdbc.sql("SELECT body FROM notifications WHERE user_id = :user AND event_type = 'bulk.finished'")
                    .param("user", author.userId().value()).query(String.class).list())
                    .singleElement().asString().contains("partly succeeded").contains("5 failed")
                    .contains("The apply job stopped");
        });
    }

    @Test
    void aChangeSetWhoseJobFailedInTheJobsModuleIsSettledByTheClock() {
        ChangeSetView plan = bulk.plan(author, ws, new PlanCommand(BulkAction.PAUSE, BulkLevel.AD, ads, null, null,
                null, null), null);
        // a bulk.apply job that failed without reaching this change set's lines (e.g. out of attempts)
        JobView job = jobs.submit(JobRequest.of(ws, ApplyPayload.JOB, new ApplyPayload(UUID.randomUUID())));
        JobView failedJob = await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.find(ws, job.jobId()).orElseThrow(), j -> j.status().finished());
        assertThat(failedJob.status()).isEqualTo(JobStatus.FAILED);
        jdbc.sql("""
                        UPDATE bulk_change_sets SET status = 'APPLYING', job_id = :job, started_at = now()
                        WHERE workspace_id = :ws AND id = :id""")
                .param("job", job.id()).param("ws", ws.value()).param("id", UUID.fromString(plan.id())).update();

        assertThat(changeSets.settleEnded(Instant.now().minusSeconds(3600))).as("started later").isZero();
        changeSets.settleEnded(Instant.now().plusSeconds(1));   // (the minutely task may have been first)
        assertThat(changeSets.settleEnded(Instant.now().plusSeconds(1))).as("once").isZero();

        ChangeSetView done = bulk.find(ws, plan.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ChangeSetStatus.FAILED);
        assertThat(done.counts().failed()).isEqualTo(25);
        assertThat(done.lines()).allSatisfy(l -> assertThat(l.note())
                .isEqualTo("Not sent: the apply job stopped (The change set no longer exists.)."));
        assertThat(statuses(ads).values()).containsOnly("ENABLE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT body FROM notifications WHERE user_id = :user AND event_type = 'bulk.failed'""")
                .param("user", author.userId().value()).query(String.class).list())
                .singleElement().asString().contains("25 failed"));
    }

    private Map<String, String> statuses(List<String> ids) {
        return new SimulatorApi(port, ApiClient.JSON).adStatuses(token, advertiser, ids);
    }

    private JsonNode tiktok(String method, String path, Object body) {
        return new SimulatorApi(port, ApiClient.JSON).marketingOk(token, method, path, body);
    }
}
