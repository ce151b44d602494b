package com.tttools.app.reporting;

import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace whose report facts were synced from the simulator for two advertisers with different
 * currencies, over a settled week (12 to 18 days ago), and whose inventory was synced too (names, statuses).
 */
record SyncedWorkspace(Tenants.User owner, String organizationId, String workspaceId, LocalDate from, LocalDate to,
        List<String> currencies) {

    static SyncedWorkspace create(Tenants tenants, SimulatorControl control, MarketingApi api,
            TikTokTokenStore tokens, Jobs jobs) {
        Tenants.User owner = tenants.verifiedUser("reports-owner");
        String org = tenants.createOrganization(owner, "Reports Org");
        String workspace = tenants.createWorkspace(owner, org, "Reports WS");
        List<String> all = control.advertiserIds();
        AccessToken everything = new AccessToken(control.issueAccessToken("7000000000000000001", all));
        Map<String, String> currencyOf = new LinkedHashMap<>();
        api.call(ApiCall.get("advertiser/info/").param("advertiser_ids", all.subList(0, Math.min(30, all.size())))
                        .param("fields", List.of("advertiser_id", "currency")), everything).data().path("list")
                .forEach(a -> currencyOf.put(a.path("advertiser_id").asString(), a.path("currency").asString()));
        List<String> chosen = new ArrayList<>();
        currencyOf.forEach((id, currency) -> {
            if (chosen.size() < 2 && chosen.stream().noneMatch(c -> currencyOf.get(c).equals(currency))) {
                chosen.add(id);
            }
        });
        UUID connection = UUID.randomUUID();
        tokens.storeAccessToken(WorkspaceId.of(workspace), connection,
                new AccessToken(control.issueAccessToken("7000000000000000001", chosen)));
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        LocalDate from = to.minusDays(6);
        var job = jobs.submit(JobRequest.of(WorkspaceId.of(workspace), ReportSync.JOB,
                new ReportSync.Payload(connection, from, to)));
        var assets = jobs.submit(JobRequest.of(WorkspaceId.of(workspace), com.tttools.app.inventory.AssetSync.JOB,
                new com.tttools.app.inventory.AssetSync.Payload(connection)));
        for (var submitted : List.of(job, assets)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> jobs.find(WorkspaceId.of(workspace), submitted.jobId())
                    .orElseThrow().status(), s -> s == JobStatus.SUCCEEDED);
        }
        return new SyncedWorkspace(owner, org, workspace, from, to, chosen.stream().map(currencyOf::get).sorted().toList());
    }
}
