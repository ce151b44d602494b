package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.util.UUID;

/** Published when a sync met 40105 (token revoked or invalid): the connection needs re-authorisation. */
public record TikTokAuthorizationLost(WorkspaceId workspaceId, UUID connectionId, String message) {
}
