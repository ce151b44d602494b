package com.tttools.app.notifications;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.util.List;
import java.util.Set;

/**
 * Something one user should hear about. {@link Notifications#notify} writes it to the outbox in the caller's
 * transaction; each channel the user's preferences (or {@code channels}, when not null) allow gets a delivery.
 *
 * @param eventType   a stable name such as {@code connection.needs-reauth}, {@code bulk.awaiting-approval},
 *                    {@code alert.fired}
 * @param workspaceId null for account-level events
 * @param link        a path inside the app, null for none
 * @param dedupKey    the same key for the same user is delivered once within the dedup window; null for none
 * @param channels    null to follow the user's preferences; otherwise exactly these channels
 */
public record NotificationRequest(String eventType, UserId recipient, WorkspaceId workspaceId, String title,
        String body, String link, String dedupKey, List<NotificationAction> actions, Set<Channel> channels) {
}
