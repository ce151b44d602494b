package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.OutboxReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Check 50 on a TikTok sync job: the simulator answers 500 to every advertiser call, so the connection's asset sync
 * fails every attempt (the client's 4 tries each, test settings) and after exactly the jobs' 4 attempts is FAILED
 * with the last error; TikTok gets no further call; the failed-run meter grows by exactly one and the workspace's
 * admin is told once ({@code sync.failed}); the admin's Sync now queues the sync again, which succeeds once TikTok
 * answers again.
 */
class PersistentServerErrorSyncIT extends ConnectionTestSupport {

    static final String PATH = "/advertiser/info/";
    static final int JOB_ATTEMPTS = 4;
    static final int CLIENT_ATTEMPTS = 4;

    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboxReader outbox;

    @AfterEach
    void tiktokAnswersAgain() {
        control("DELETE", "/_sim/faults", null);
    }

    /** This token's calls only: the scheduled syncs of other tests' connections call the same path meanwhile. */
    long callsTo(String path, String accessToken) {
        JsonNode perPath = control("GET", "/_sim/stats", null).path("calls_per_token_per_path").path(accessToken);
        long calls = 0;
        for (var entry : perPath.properties()) {
            if (entry.getKey().contains(path)) {
                calls += entry.getValue().asLong();
            }
        }
        return calls;
    }

    long failedRuns() {
        Timer timer = meters.find("tttools.jobs.runs").tag("type", "tiktok.asset-sync").tag("outcome", "failed").timer();
        return timer == null ? 0 : timer.count();
    }

    JsonNode job(Admin admin, String jobId) {
        return admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/jobs/" + jobId).json();
    }

    @Test
    void aSyncFailingWith500EveryTimeEndsFailedAfterItsAttemptsIsCountedOnceAndSyncNowQueuesItAgain() throws Exception {
        Admin admin = admin("persistent-500");
        String connection = connect(admin);
        awaitFirstAssetSync(admin);
        String sync = "/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + connection + "/sync";
        String token = tokenOf(admin, connection).value();
        // this connection's calls only: other tests' connections syncing meanwhile neither fail (nor move the
        // failed-run meter) nor count
        control("POST", "/_sim/faults", Map.of("path", PATH, "accessToken", token, "httpStatus", 500, "rate", 1.0));
        long callsBefore = callsTo(PATH, token);
        long failedBefore = failedRuns();

        ApiClient.Response queued = admin.api().post(sync, Map.of("kind", "ASSETS"));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String jobId = queued.json().path("jobId").asString();
        JsonNode failed = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(admin, jobId), j -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                        .contains(j.path("status").asString()));

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(JOB_ATTEMPTS);
        assertThat(failed.path("lastError").asString()).contains("500");
        assertThat(callsTo(PATH, token) - callsBefore).as("each job attempt made the client's attempts")
                .isEqualTo(JOB_ATTEMPTS * CLIENT_ATTEMPTS);
        assertThat(failedRuns() - failedBefore).as("one failed-run increment").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> told(admin).size() == 1);

        Thread.sleep(1_500);   // longer than the jobs' retry delay and the client's backoff: nothing more happens
        assertThat(callsTo(PATH, token) - callsBefore).as("no further call").isEqualTo(JOB_ATTEMPTS * CLIENT_ATTEMPTS);
        assertThat(failedRuns() - failedBefore).isEqualTo(1);
        assertThat(told(admin)).as("told once").hasSize(1);

        // TikTok answers again; the admin's Sync now (the manual retry) queues the sync, and it succeeds
        control("DELETE", "/_sim/faults", null);
        ApiClient.Response again = admin.api().post(sync, Map.of("kind", "ASSETS"));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        String retried = again.json().path("jobId").asString();
        assertThat(retried).isNotEqualTo(jobId);
        assertThat(await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> job(admin, retried).path("status").asString(), s -> !s.equals("QUEUED") && !s.equals("RUNNING")))
                .isEqualTo("SUCCEEDED");
    }

    private List<NotificationRequest> told(Admin admin) {
        return outbox.requests().stream().filter(r -> r.recipient().equals(UserId.of(admin.user().id()))
                && r.eventType().equals("sync.failed")).toList();
    }
}
