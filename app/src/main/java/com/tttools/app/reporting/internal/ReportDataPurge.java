package com.tttools.app.reporting.internal;

import com.tttools.app.jobs.Jobs;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionDisconnected;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A workspace removed for good (purged after its 30 restorable days, or with its organization) takes its
 * reporting data with it: daily facts, the finality ledger, the advertisers' currency and timezone, and saved
 * views (private and shared); a connection disconnected with "also delete its data" takes the data of its
 * advertisers (once the connection's report sync has stopped: until then the listener fails and the event
 * publication registry resubmits it). Runs after the tenancy change committed, in its own transaction; redelivered by
 * the event publication registry if it fails, and idempotent.
 */
@Component
class ReportDataPurge {

    static final List<String> TABLES = List.of("report_daily_facts", "report_fact_rollups", "report_fact_rollups_monthly",
            "report_fact_advertiser_days", "report_finality", "report_advertisers", "report_views", "report_sync_state",
            "reporting_workspace_rates");

    /** The tables keyed by advertiser (all of {@link #TABLES} but the saved views). */
    static final List<String> ADVERTISER_TABLES = List.of("report_daily_facts", "report_fact_rollups",
            "report_fact_rollups_monthly", "report_fact_advertiser_days", "report_finality", "report_advertisers");

    private final JdbcClient jdbc;
    private final Jobs jobs;

    ReportDataPurge(JdbcClient jdbc, Jobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        purge(purged.workspaceId());
    }

    @ApplicationModuleListener
    void on(OrganizationDeleted deleted) {
        deleted.workspaceIds().forEach(this::purge);
    }

    /**
     * A connection disconnected with "also delete its data": the facts, finality ledger and currency/timezone of the
     * advertisers the event names. Saved views stay (they belong to people and name no data). Advertisers another
     * live connection still grants are not in the event's list and keep their history.
     */
    @ApplicationModuleListener
    void on(ConnectionDisconnected disconnected) {
        if (disconnected.deleteData()) {
            // the disconnect asked a running sync to stop; deleting before it stopped could leave its last rows
            if (jobs.hasUnfinished(disconnected.workspaceId(),
                    ReportSync.concurrencyKey(disconnected.connectionId()))) {
                throw new IllegalStateException("The connection's report sync is still stopping; the purge is retried");
            }
            purgeAdvertisers(disconnected.workspaceId(), disconnected.deletedAdvertiserIds());
        }
    }

    void purgeAdvertisers(WorkspaceId workspaceId, List<String> advertiserIds) {
        if (advertiserIds.isEmpty()) {
            return;
        }
        for (String table : ADVERTISER_TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws AND advertiser_id IN (:ids)")
                    .param("ws", workspaceId.value()).param("ids", advertiserIds).update();
        }
    }

    void purge(WorkspaceId workspaceId) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws").param("ws", workspaceId.value()).update();
        }
    }
}
