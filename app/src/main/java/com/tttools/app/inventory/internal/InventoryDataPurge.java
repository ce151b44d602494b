package com.tttools.app.inventory.internal;

import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A workspace removed for good (purged after its 30 restorable days, or with its organization) takes its
 * inventory with it: entities (removed ones included), per-connection sync state and listing marks. Runs after
 * the tenancy change committed, in its own transaction; redelivered by the event publication registry if it
 * fails, and idempotent.
 */
@Component
class InventoryDataPurge {

    static final List<String> TABLES = List.of("inventory_entities", "inventory_connection_syncs",
            "inventory_listing_marks");

    private final JdbcClient jdbc;

    InventoryDataPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        purge(purged.workspaceId());
    }

    @ApplicationModuleListener
    void on(OrganizationDeleted deleted) {
        deleted.workspaceIds().forEach(this::purge);
    }

    void purge(WorkspaceId workspaceId) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws").param("ws", workspaceId.value()).update();
        }
    }
}
