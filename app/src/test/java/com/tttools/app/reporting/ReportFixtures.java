package com.tttools.app.reporting;

import com.tttools.app.jobs.Jobs;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.SimulatorControl;
import java.time.LocalDate;

/** Report fixtures for tests outside this package (browser tests). */
public final class ReportFixtures {

    public record Synced(Tenants.User owner, String email, String workspaceId, LocalDate from, LocalDate to) {
    }

    private ReportFixtures() {
    }

    public static Synced syncedWorkspace(Tenants tenants, SimulatorControl control, MarketingApi api,
            TikTokTokenStore tokens, Jobs jobs) {
        SyncedWorkspace synced = SyncedWorkspace.create(tenants, control, api, tokens, jobs);
        return new Synced(synced.owner(), synced.owner().email(), synced.workspaceId(), synced.from(), synced.to());
    }
}
