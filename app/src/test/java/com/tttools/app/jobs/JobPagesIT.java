package com.tttools.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs pages in words: types and statuses as words, filters as selects whose unknown values get a message
 * (not an empty list), and a job's own page with who started it, attempts and a cancel button.
 */
class JobPagesIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void jobsReadAsWordsFiltersAnswerUnknownValuesAndAQueuedJobCanBeCancelledFromItsPage() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("jobs-page-owner");
        String ws = tenants.createWorkspace(owner, tenants.createOrganization(owner, "Jobs Agency"), "Jobs Brand");
        String job = queued(ws, "tiktok.report-sync", owner.id());
        String jobs = "/workspaces/" + ws + "/jobs";

        String list = Tenants.expect(owner.api().get(jobs), 200).body();
        assertThat(list).contains("Report sync (daily figures)").contains(">Queued<")
                .doesNotContain(">tiktok.report-sync<").contains("id=\"job-type\"").contains("id=\"job-status\"");
        assertThat(owner.api().get(jobs + "?status=SUCCEEDED").body()).contains("No job matches these filters.");
        // the type filter offers every registered handler's type, the test handler's too
        assertThat(list).contains("<option value=\"bulk.apply\"").contains("<option value=\"privacy.export\"")
                .contains("<option value=\"test-units\"");
        // each option reads as the label on the owner's JobType constant (a type without one reads as its name's words)
        assertThat(list).contains(">Apply bulk changes</option>").contains(">Personal data export</option>")
                .contains(">Test units</option>");
        assertThat(owner.api().get(jobs + "?type=tiktok.report-sync").body())
                .contains("value=\"tiktok.report-sync\" selected").contains("Report sync (daily figures)</a>");
        assertThat(owner.api().get(jobs + "?type=privacy.export").body()).contains("No job matches these filters.");
        String unknown = Tenants.expect(owner.api().get(jobs + "?status=DONEISH&type=nope"), 200).body();
        assertThat(unknown).contains("id=\"jobs-problems\"").contains("There is no job status &quot;DONEISH&quot;")
                .contains("There is no job type &quot;nope&quot;");

        String detail = Tenants.expect(owner.api().get(jobs + "/" + job), 200).body();
        assertThat(detail).contains("Report sync (daily figures)").contains("id=\"job-started-by\"")
                .contains(owner.email()).contains("id=\"cancel-job\"");
        ApiClient.Response cancelled = owner.api().postForm(jobs + "/" + job + "/cancel", "", true);
        assertThat(cancelled.status()).isEqualTo(302);
        String after = owner.api().get(java.net.URI.create(cancelled.header("Location").orElseThrow()).getPath()).body();
        assertThat(after).contains("Cancelled").doesNotContain("id=\"cancel-job\"");
    }

    /** A queued job written as the jobs table holds it, without a scheduler task: it stays queued. */
    private String queued(String ws, String type, String userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, type, status, max_attempts, created_by, created_at, updated_at)
                        VALUES (:id, :ws, :type, 'QUEUED', 1, :by, now(), now())""")
                .param("id", id).param("ws", UUID.fromString(ws)).param("type", type)
                .param("by", UUID.fromString(userId)).update();
        return id.toString();
    }
}
