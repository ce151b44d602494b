package com.tttools.app.notifications.web;

import com.tttools.app.notifications.outbox.NotificationRepository;
import com.tttools.app.notifications.outbox.NotificationRepository.StoredNotification;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A user's own notifications for the API and the bell: a page, the unread count, marking read. */
@Component
class InAppNotifications {

    record Item(String id, String type, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    record Page(List<Item> items, long unreadCount, String nextCursor) {
    }

    private final NotificationRepository notifications;
    private final Clock clock;

    InAppNotifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    Page page(UserId user, boolean unreadOnly, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<StoredNotification> rows = notifications.page(user, unreadOnly, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), Cursor.limit(limit) + 1);
        boolean more = rows.size() > limit;
        List<StoredNotification> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(shown.get(limit - 1).createdAt(), shown.get(limit - 1).id()).encode() : null;
        return new Page(shown.stream().map(InAppNotifications::item).toList(), notifications.unreadCount(user), next);
    }

    long unreadCount(UserId user) {
        return notifications.unreadCount(user);
    }

    boolean markRead(UserId user, UUID id) {
        return notifications.markRead(user, id, clock.instant());
    }

    void markAllRead(UserId user) {
        notifications.markAllRead(user, clock.instant());
    }

    private static Item item(StoredNotification n) {
        return new Item(n.id().toString(), n.eventType(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt());
    }
}
