package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionDisconnected;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A workspace removed for good (purged after its 30 restorable days, or with its organization) takes its
 * inventory with it: entities (removed ones included), per-connection sync state and listing marks; so does a
 * connection disconnected with "also delete its data", for its advertisers (once the connection's asset sync has
 * stopped: until then the listener fails and the event publication registry resubmits it). Runs after
 * the tenancy change committed, in its own transaction; redelivered by the event publication registry if it
 * fails, and idempotent.
 */
@Component
class InventoryDataPurge {

    static final List<String> TABLES = List.of("inventory_entities", "inventory_connection_syncs",
            "inventory_listing_marks");

    private final JdbcClient jdbc;
    private final Jobs jobs;

    InventoryDataPurge(JdbcClient jdbc, Jobs jobs) {
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
     * A connection disconnected with "also delete its data": the entities of the advertisers the event names
     * (their campaigns, ad groups, ads, pixels, identities, audiences and the advertiser itself), the business
     * centers and catalogs last listed through that connection, their listing marks and the connection's sync
     * state. Advertisers another live connection still grants are not in the event's list and stay.
     */
    @ApplicationModuleListener
    void on(ConnectionDisconnected disconnected) {
        if (disconnected.deleteData()) {
            // the disconnect asked a running sync to stop; deleting before it stopped could leave its last page
            if (jobs.hasUnfinished(disconnected.workspaceId(), AssetSync.concurrencyKey(disconnected.connectionId()))) {
                throw new IllegalStateException("The connection's asset sync is still stopping; the purge is retried");
            }
            purgeConnection(disconnected.workspaceId(), disconnected.connectionId(),
                    disconnected.deletedAdvertiserIds());
        }
    }

    void purgeConnection(WorkspaceId workspaceId, UUID connectionId, List<String> advertiserIds) {
        List<String> scopes = new ArrayList<>(advertiserIds);
        scopes.addAll(jdbc.sql("""
                        DELETE FROM inventory_entities
                        WHERE workspace_id = :ws AND connection_id = :connection AND advertiser_id IS NULL
                        RETURNING tiktok_id""")
                .param("ws", workspaceId.value()).param("connection", connectionId).query(String.class).list());
        if (!advertiserIds.isEmpty()) {
            jdbc.sql("DELETE FROM inventory_entities WHERE workspace_id = :ws AND advertiser_id IN (:ids)")
                    .param("ws", workspaceId.value()).param("ids", advertiserIds).update();
        }
        if (!scopes.isEmpty()) {
            jdbc.sql("DELETE FROM inventory_listing_marks WHERE workspace_id = :ws AND scope IN (:scopes)")
                    .param("ws", workspaceId.value()).param("scopes", scopes).update();
        }
        jdbc.sql("DELETE FROM inventory_connection_syncs WHERE workspace_id = :ws AND connection_id = :connection")
                .param("ws", workspaceId.value()).param("connection", connectionId).update();
    }

    void purge(WorkspaceId workspaceId) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws").param("ws", workspaceId.value()).update();
        }
    }
}
