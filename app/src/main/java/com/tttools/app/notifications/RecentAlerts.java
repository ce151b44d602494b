package com.tttools.app.notifications;

import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * The alerts a workspace's rules fired lately, for pages of other modules (the workspace home). Read-only; acting on
 * an alert (acknowledge, snooze) stays on the alerts page.
 */
public interface RecentAlerts {

    /** A firing: the rule's name, the entity's name (its id when the name is unknown), when, and whether seen. */
    record RecentAlert(String id, String ruleName, String entityName, String message, Instant firedAt,
            boolean acknowledged) {
    }

    /** Newest first, at most {@code limit}. */
    List<RecentAlert> recent(WorkspaceId workspace, int limit);
}
