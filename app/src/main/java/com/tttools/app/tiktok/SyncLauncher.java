package com.tttools.app.tiktok;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.time.LocalDate;

/**
 * Starts and stops one kind of sync of a connection, for the connection's "sync now" and disconnect. Implemented by
 * the modules that sync (inventory: assets, reporting: reports), which depend on tiktok, not the other way round;
 * syncs that start on their own (on connect, on a schedule) are theirs to trigger.
 */
public interface SyncLauncher {

    enum Kind { ASSETS, REPORTS }

    Kind kind();

    /**
     * Queues a sync in the caller's transaction, or returns the one of the connection queued or running, or the one
     * submitted with the same idempotency key; returns its job id.
     *
     * @param from null for the sync's default range (kinds without dates ignore both)
     * @param to   null for the sync's default range
     */
    JobId launch(WorkspaceId workspaceId, ConnectionId connectionId, LocalDate from, LocalDate to, String idempotencyKey,
            UserId requestedBy);

    /** The connection's latest sync of this kind, whatever its outcome; empty when it never ran. */
    default java.util.Optional<com.tttools.app.jobs.JobView> last(WorkspaceId workspaceId, ConnectionId connectionId) {
        return java.util.Optional.empty();
    }

    /** Cancels the connection's queued or running syncs of this kind in the caller's transaction. */
    void cancel(WorkspaceId workspaceId, ConnectionId connectionId);
}
