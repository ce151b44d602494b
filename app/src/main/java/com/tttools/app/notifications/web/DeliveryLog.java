package com.tttools.app.notifications.web;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.outbox.DeliveryRepository;
import com.tttools.app.notifications.outbox.DeliveryStatus;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A workspace's delivery log for its admins: recipients masked, the outage backlog counted. */
@Component
class DeliveryLog {

    /** {@code canRetry}: a failed notification delivery an admin may queue again. */
    record Item(String id, String channel, String recipient, String template, String status,
            String providerMessageId, int attempts, String lastError, Instant createdAt, boolean canRetry) {
    }

    record Page(List<Item> items, String nextCursor, long backlog) {
    }

    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    Page page(WorkspaceId workspace, String status, String channel, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<DeliveryRepository.Delivery> rows = deliveries.page(workspace, parse(DeliveryStatus.class, "status", status),
                parse(Channel.class, "channel", channel), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), Cursor.limit(limit) + 1);
        boolean more = rows.size() > limit;
        List<DeliveryRepository.Delivery> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(shown.get(limit - 1).createdAt(), shown.get(limit - 1).id()).encode() : null;
        return new Page(shown.stream().map(DeliveryLog::item).toList(), next, deliveries.backlog(workspace));
    }

    private static Item item(DeliveryRepository.Delivery d) {
        return new Item(d.id().toString(), d.channel().name(), mask(d.address(), d.channel()), d.template(),
                d.status().name(), d.providerMessageId(), d.attempts(), d.lastError(), d.createdAt(),
                d.status() == DeliveryStatus.FAILED && d.notificationId() != null);
    }

    /** {@code a***@example.com}; a chat id keeps only its last three digits. Null until resolved at send time. */
    static String mask(String address, Channel channel) {
        if (address == null || address.isBlank()) {
            return null;
        }
        if (channel == Channel.EMAIL && address.indexOf('@') > 0) {
            return MaskedEmail.of(address);
        }
        return "***" + address.substring(Math.max(0, address.length() - 3));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailedException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
