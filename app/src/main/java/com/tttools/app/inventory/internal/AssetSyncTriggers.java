package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.SyncLauncher;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionEstablished;
import com.tttools.app.tiktok.TikTokConnections;
import java.time.LocalDate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Where asset syncs start, besides the schedule ({@link ScheduledSyncs}): right after a connection is made (on
 * behalf of the user who connected), and when a user asks for one or disconnects ({@link SyncLauncher}).
 */
@Component
class AssetSyncTriggers implements SyncLauncher {

    private final Jobs jobs;
    private final TikTokConnections connections;

    AssetSyncTriggers(Jobs jobs, TikTokConnections connections) {
        this.jobs = jobs;
        this.connections = connections;
    }

    /** Not for a connection disconnected (or its workspace deleted) before this ran: nothing would cancel it. */
    @ApplicationModuleListener
    void onConnected(ConnectionEstablished connected) {
        if (!connections.schedulable(connected.workspaceId(), new ConnectionId(connected.connectionId()))) {
            return;
        }
        jobs.submit(AssetSync.request(connected.workspaceId(), connected.connectionId())
                .withCreatedBy(connected.actor().userId()));
    }

    @Override
    public Kind kind() {
        return Kind.ASSETS;
    }

    /** An asset sync always takes everything the connection reaches: the dates are ignored. */
    @Override
    public JobId launch(WorkspaceId workspaceId, ConnectionId connectionId, LocalDate from, LocalDate to,
            String idempotencyKey, UserId requestedBy) {
        return jobs.submit(AssetSync.request(workspaceId, connectionId.value()).withIdempotencyKey(idempotencyKey)
                .withCreatedBy(requestedBy)).jobId();
    }

    @Override
    public java.util.Optional<com.tttools.app.jobs.JobView> last(WorkspaceId workspaceId, ConnectionId connectionId) {
        return jobs.latest(workspaceId, com.tttools.app.inventory.AssetSync.concurrencyKey(connectionId.value()));
    }

    @Override
    public void cancel(WorkspaceId workspaceId, ConnectionId connectionId) {
        jobs.cancelUnfinished(workspaceId, AssetSync.concurrencyKey(connectionId.value()));
    }
}
