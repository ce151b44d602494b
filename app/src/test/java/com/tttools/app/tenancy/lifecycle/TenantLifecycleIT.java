package com.tttools.app.tenancy.lifecycle;

import com.tttools.app.shared.ConnectionId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.TestJobHandler;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Tenants;
import com.tttools.app.tenancy.core.WorkspaceService;
import com.tttools.app.tiktok.TikTokConnections;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant lifecycle across modules: a deleted workspace is left alone by every schedule until restored; a
 * purged workspace and a deleted organization leave no row in any table keyed by them (found from
 * information_schema, so a new table cannot forget its purge) and no TikTok access behind.
 */
class TenantLifecycleIT extends LifecycleTestSupport {

    /** Tables that legitimately keep rows of a removed tenant, with the reason. */
    static final Map<String, String> KEPT = Map.of(
            "audit_events", "the audit log outlives the tenant; the audit module's retention purge removes it",
            "audit_chains", "the head of the organization's hash chain, needed to verify the entries still kept",
            "audit_retention", "the organization's audit retention setting, applied to the entries still kept");

    @Autowired
    WorkspaceService workspaces;
    @Autowired
    TikTokConnections connections;
    @Autowired
    Jobs jobs;

    @Test
    void aPurgedWorkspaceLeavesNoRowInAnyTableKeyedByIt() {
        Tenants.User owner = tenants().verifiedUser("purge-all");
        String org = tenants().createOrganization(owner, "Purge All");
        String ws = tenants().createWorkspace(owner, org, "Purged Brand");
        String connection = connect(owner, ws);
        String token = accessToken(ws, connection);
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        Tenants.expect(owner.api().post("/api/v1/workspaces/" + ws + "/connections/" + connection + "/sync",
                Map.of("kind", "REPORTS", "from", to.minusDays(1).toString(), "to", to.toString())), 202);
        awaitJobs(owner, ws, "tiktok.report-sync");
        Tenants.expect(owner.api().post("/api/v1/workspaces/" + ws + "/report-views", Map.of("name", "Spend",
                "visibility", "WORKSPACE", "query", Map.of("level", "ADVERTISER", "from", to.toString(),
                        "to", to.toString()))), 201);
        Tenants.expect(owner.api().post("/api/v1/workspaces/" + ws + "/connections/tiktok", null), 201);
        for (String table : List.of("inventory_entities", "inventory_connection_syncs", "inventory_listing_marks",
                "report_daily_facts", "report_finality", "report_advertisers", "report_views", "jobs",
                "tiktok_connection", "tiktok_token", "tiktok_oauth_state")) {
            assertThat(rows(table, ws)).as("seeded " + table).isPositive();
        }

        Tenants.expect(owner.api().delete("/api/v1/workspaces/" + ws), 204);
        jdbc.sql("UPDATE workspaces SET deleted_at = deleted_at - interval '31 days' WHERE id = :ws")
                .param("ws", UUID.fromString(ws)).update();
        assertThat(workspaces.purgeExpired(100)).isPositive();

        List<TenantColumn> columns = tenantColumns("workspace_id");
        assertThat(columns).extracting(TenantColumn::table).contains("inventory_entities", "report_daily_facts",
                "jobs", "tiktok_connection");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(remaining(columns, ws, KEPT)).as("rows of the purged workspace").isEmpty());
        assertThat(simulatorStatus(token)).isEqualTo("REVOKED");
    }

    @Test
    void deletingAnOrganizationRevokesItsTokensAndNoTikTokCallFollows() {
        Tenants.User owner = tenants().verifiedUser("org-delete");
        String org = tenants().createOrganization(owner, "Org Delete");
        String live = tenants().createWorkspace(owner, org, "Live Brand");
        String binned = tenants().createWorkspace(owner, org, "Binned Brand");
        String liveConnection = connect(owner, live);
        String binnedConnection = connect(owner, binned);
        String liveToken = accessToken(live, liveConnection);
        String binnedToken = accessToken(binned, binnedConnection);
        Tenants.expect(owner.api().delete("/api/v1/workspaces/" + binned), 204);

        Tenants.expect(owner.api().delete("/api/v1/organizations/" + org, Map.of("confirmName", "Org Delete")), 204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(simulatorStatus(liveToken)).isEqualTo("REVOKED");
            assertThat(simulatorStatus(binnedToken)).as("the soft-deleted workspace's too").isEqualTo("REVOKED");
            for (String ws : List.of(live, binned)) {
                assertThat(remaining(tenantColumns("workspace_id"), ws, KEPT)).as("rows of " + ws).isEmpty();
            }
            assertThat(remaining(tenantColumns("organization_id"), org, KEPT)).as("rows of the organization")
                    .isEmpty();
        });
        assertThat(connections.activeConnections()).as("the daily report run's list")
                .noneMatch(ref -> ref.workspaceId().equals(WorkspaceId.of(live))
                        || ref.workspaceId().equals(WorkspaceId.of(binned)));
        long liveCalls = callsWith(liveToken);
        long binnedCalls = callsWith(binnedToken);

        runEverySchedule(List.of(live, binned));

        assertThat(callsWith(liveToken)).as("TikTok calls after the deletion").isEqualTo(liveCalls);
        assertThat(callsWith(binnedToken)).isEqualTo(binnedCalls);
        assertThat(rows("jobs", live) + rows("jobs", binned)).as("nothing queued for them").isZero();
    }

    @Test
    void aDeletedWorkspaceIsLeftAloneByEveryScheduleAndARestoredOneResumes() {
        Tenants.User owner = tenants().verifiedUser("soft-delete");
        String org = tenants().createOrganization(owner, "Soft Delete");
        String ws = tenants().createWorkspace(owner, org, "Resting Brand");
        String connection = connect(owner, ws);
        String token = accessToken(ws, connection);
        var ref = new TikTokConnections.ConnectionRef(WorkspaceId.of(ws), ConnectionId.of(connection));
        var running = jobs.submit(JobRequest.of(WorkspaceId.of(ws), TestJobHandler.TYPE,
                TestJobHandler.Units.of("{\"waitForCancel\": true}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(WorkspaceId.of(ws), running.jobId()).orElseThrow()
                .status(), status -> status == JobStatus.RUNNING);

        Tenants.expect(owner.api().delete("/api/v1/workspaces/" + ws), 204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(connections.schedulable(ref.workspaceId(), ref.connectionId())).isFalse();
            assertThat(jobs.find(WorkspaceId.of(ws), running.jobId()).orElseThrow().status())
                    .isEqualTo(JobStatus.CANCELLED);
        });
        assertThat(connections.activeConnections()).doesNotContain(ref);
        long before = callsWith(token);
        runEverySchedule(List.of(ws));
        assertThat(callsWith(token)).as("TikTok calls while the workspace is deleted").isEqualTo(before);
        assertThat(unfinishedJobs(ws)).as("no sync queued").isZero();
        assertThat(tokens.accessToken(WorkspaceId.of(ws), ref.connectionId().value())).as("kept for a restore").isPresent();

        Tenants.expect(owner.api().post("/api/v1/workspaces/" + ws + "/restore", null), 200);

        await().atMost(Duration.ofSeconds(30)).until(() -> connections.schedulable(ref.workspaceId(),
                ref.connectionId()));
        assertThat(connections.activeConnections()).contains(ref);
        runEverySchedule(List.of(ws));
        assertThat(callsWith(token)).as("checked and synced again").isGreaterThan(before);
        await().atMost(Duration.ofSeconds(120)).until(() -> unfinishedJobs(ws) == 0);
    }
}
