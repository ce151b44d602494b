package com.tttools.app.inventory;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobType;
import com.tttools.app.shared.WorkspaceId;
import java.util.UUID;

/** The asset sync job of a connection: its type, payload and concurrency key, built only here. */
public final class AssetSync {

    /** The stored name predates the module split: rows of queued syncs keep it. */
    public static final JobType<Payload> JOB = JobType.of("tiktok.asset-sync", "Campaign and asset sync",
            Payload.class);

    public record Payload(UUID connectionId) {
    }

    private AssetSync() {
    }

    /** A sync of the connection, one at a time per connection. */
    public static JobRequest<Payload> request(WorkspaceId workspaceId, UUID connectionId) {
        return JobRequest.of(workspaceId, JOB, new Payload(connectionId)).withConcurrencyKey(concurrencyKey(connectionId));
    }

    /** The concurrency key that keeps two syncs of one connection from running at once. */
    public static String concurrencyKey(UUID connectionId) {
        return "sync:" + connectionId + ":ASSETS";
    }
}
