package com.tttools.app.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.jobs.TestJobHandler;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home's "Running syncs": a job of the workspace that is running shows by its kind in words, linked to its page,
 * with its progress (a bar and "done / total") that htmx refreshes while it runs; once it ends it leaves the panel.
 */
class HomeRunningJobsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    Jobs jobs;

    @Test
    void aRunningJobShowsItsKindAndProgressUntilItEnds() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("home-running");
        String org = tenants.createOrganization(owner, "Running Agency");
        String ws = tenants.createWorkspace(owner, org, "Running Brand");
        WorkspaceId workspace = new WorkspaceId(UUID.fromString(ws));
        String overview = "/workspaces/" + ws + "/home/overview";
        assertThat(Tenants.expect(owner.api().get(overview, "HX-Request", "true"), 200).body())
                .contains("Nothing running now.");

        // four units done, then it waits for cancellation: running with its progress known
        JobView job = jobs.submit(JobRequest.of(workspace, TestJobHandler.TYPE,
                TestJobHandler.Units.of("{\"units\": 4, \"waitForCancel\": true}")));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(workspace, job.jobId()).orElseThrow(),
                    j -> j.status() == JobStatus.RUNNING && j.progress().done() == 4);
            String running = Tenants.expect(owner.api().get(overview, "HX-Request", "true"), 200).body();
            String panel = running.substring(running.indexOf("id=\"running-syncs\""));
            panel = panel.substring(0, panel.indexOf("</section>"));
            assertThat(panel).doesNotContain("Nothing running now.")
                    .contains("<a href=\"/workspaces/" + ws + "/jobs/" + job.id() + "\">Test units</a>")
                    .contains(">Running</span>").contains("max=\"4\"").contains("4 / 4")
                    .contains("hx-trigger=\"every 2s\"");
        } finally {
            jobs.cancel(workspace, job.jobId());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(workspace, job.jobId()).orElseThrow().status()
                .finished());
        assertThat(Tenants.expect(owner.api().get(overview, "HX-Request", "true"), 200).body())
                .contains("Nothing running now.");
    }
}
