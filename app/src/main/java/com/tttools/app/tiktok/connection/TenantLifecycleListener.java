package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.TenancyEvents.OrganizationDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspaceDeleted;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import com.tttools.app.tenancy.TenancyEvents.WorkspaceRestored;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * TikTok access follows the tenant's lifecycle (each listener runs after the tenancy change committed; the event
 * publication registry redelivers it if this node stops half-way, and every step is idempotent):
 * <ul>
 * <li>workspace deleted (restorable): its connections are suspended, so health checks, token refreshes and
 * scheduled syncs skip them; restored: resumed.</li>
 * <li>workspace purged, organization deleted: every live connection is disconnected exactly as a user's
 * disconnect does it ({@link Disconnector}: revoked at TikTok, ciphertext deleted at once, revocation retried
 * while TikTok is down), then the connection rows go ({@link ConnectionDataPurge}).</li>
 * </ul>
 */
@Component
class TenantLifecycleListener {

    private final ConnectionRepository connections;
    private final ConnectionDataPurge purge;
    private final Disconnector disconnector;
    private final Clock clock;

    TenantLifecycleListener(ConnectionRepository connections, ConnectionDataPurge purge, Disconnector disconnector,
            Clock clock) {
        this.connections = connections;
        this.purge = purge;
        this.disconnector = disconnector;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(WorkspaceDeleted deleted) {
        purge.suspend(deleted.workspaceId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(WorkspaceRestored restored) {
        purge.resume(restored.workspaceId());
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        disconnectAndPurge(Set.of(purged.workspaceId()), Actor.system("job:workspace-purge"), RequestMetadata.none());
    }

    @ApplicationModuleListener
    void on(OrganizationDeleted deleted) {
        Set<WorkspaceId> workspaces = new LinkedHashSet<>(deleted.workspaceIds());
        workspaces.addAll(purge.workspacesOf(deleted.organizationId()));
        disconnectAndPurge(workspaces, deleted.actor(), deleted.request());
    }

    private void disconnectAndPurge(Set<WorkspaceId> workspaces, Actor actor, RequestMetadata request) {
        for (WorkspaceId workspace : workspaces) {
            for (ConnectionRow row : connections.list(workspace)) {
                if (row.status() != ConnectionStatus.DISCONNECTED) {
                    disconnector.disconnect(workspace, row.id(), actor, request, clock.instant());
                }
            }
            purge.deleteRows(workspace);
        }
    }
}
