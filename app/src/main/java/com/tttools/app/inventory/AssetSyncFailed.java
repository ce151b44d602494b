package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/** An asset sync of one connection failed for good (out of attempts, or refused); {@code error} has no secret. */
public record AssetSyncFailed(WorkspaceId workspaceId, UUID connectionId, String error, Instant at) {
}
