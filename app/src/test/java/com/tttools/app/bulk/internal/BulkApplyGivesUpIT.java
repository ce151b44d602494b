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
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * An apply job that gives up for a reason of its own — not an answer from TikTok — still ends its change set: lines
 * not sent are FAILED with the reason, written lines are verified, the change set ends PARTIALLY_SUCCEEDED or
 * FAILED, audited and notified; one whose job ended in the jobs module is settled by the change-set clock.
 */
class BulkApplyGivesUpIT extends IntegrationTest {

    @Autowired
    BulkOperations bulk;
    @Autowired
    ChangeSetClock changeSets;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TikTokTokenStore tokenStore;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulatorRegistration;

    WorkspaceId ws;
    BulkOperations.Caller author;
    String advertiser;
    String token;
    List<String> ads;

    @BeforeEach
    void workspaceWith25EnabledAds() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("gives-up");
        String org = tenants.createOrganization(owner, "Gives Up Org");
        ws = WorkspaceId.of(tenants.createWorkspace(owner, org, "Gives Up Brand"));
        author = new BulkOperations.Caller(new UserId(UUID.fromString(owner.id())), owner.email(),
                RequestMetadata.none());
        var simulator = EmbeddedSimulator.control(simulatorRegistration);
        advertiser = simulator.advertiserIds().get(3);
        token = simulator.issueAccessToken("7000000000000000001", List.of(advertiser));
        UUID connection = UUID.randomUUID();
        tokenStore.storeAccessToken(ws, connection, new AccessToken(token));
        List<JsonNode> enabled = new ArrayList<>();
        tiktok("GET", "/ad/get/?page_size=1000&advertiser_id=" + advertiser, null).path("data").path("list")
                .forEach(ad -> {
                    if ("ENABLE".equals(ad.path("operation_status").asString())
                            && !ad.path("secondary_status").asString().contains("DELETE")) {
                        enabled.add(ad);
                    }
                });
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(25);
        ads = enabled.subList(0, 25).stream().map(ad -> ad.path("ad_id").asString()).toList();
        for (JsonNode ad : enabled.subList(0, 25)) {
            jdbc.sql("""
                            INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                                connection_id, synced_at, updated_at)
                            VALUES (:ws, 'AD', :id, :advertiser, :name, 'AD_STATUS_DELIVERY_OK', '{}'::jsonb, :connection,
                                now(), now())""")
                    .param("ws", ws.value()).param("id", ad.path("ad_id").asString()).param("advertiser", advertiser)
                    .param("name", ad.path("ad_name").asString()).param("connection", connection).update();
        }
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
        String filtering = URLEncoder.encode(ApiClient.JSON.writeValueAsString(Map.of("ad_ids", ids,
                "primary_status", "STATUS_ALL")), StandardCharsets.UTF_8);
        Map<String, String> out = new HashMap<>();
        tiktok("GET", "/ad/get/?page_size=1000&advertiser_id=" + advertiser + "&filtering=" + filtering, null)
                .path("data").path("list").forEach(ad -> out.put(ad.path("ad_id").asString(),
                        ad.path("operation_status").asString()));
        return out;
    }

    private JsonNode tiktok(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/tiktok-sim/open_api/v1.3" + path)))
                .header("Access-Token", token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))).build();
        for (int attempt = 1; ; attempt++) {   // other tests share the simulated app's rate limit: wait out a 40100
            JsonNode answer = ApiClient.JSON.readTree(Http.send(request).body());
            if (answer.path("code").asInt() != 40100 || attempt == 30) {
                assertThat(answer.path("code").asInt()).as(answer.toString()).isZero();
                return answer;
            }
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
    }
}
