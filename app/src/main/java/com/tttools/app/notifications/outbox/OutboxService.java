package com.tttools.app.notifications.outbox;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.ChannelSender;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.platform.crypto.AssociatedData;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: {@link #notify} and {@link #queue} write rows in the caller's transaction and schedule one
 * db-scheduler execution per delivery in that same transaction (the scheduler's data source is transaction-aware).
 * So a delivery exists exactly when its cause committed, and one that was queued is sent even if the process dies
 * right after the commit: the execution row is in the database, and any node picks it up.
 */
@Service
class OutboxService implements Notifications, MailOutbox {

    /** Channels a user gets without having saved a preference (Telegram only once linked). */
    static final Set<Channel> DEFAULT_CHANNELS = EnumSet.allOf(Channel.class);

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final ObjectProvider<List<ChannelSender>> senders;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final DeliveryTask task;
    private final TokenVault vault;
    private final NotificationsProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    OutboxService(NotificationRepository notifications, DeliveryRepository deliveries,
            ObjectProvider<List<ChannelSender>> senders, ObjectProvider<SchedulerClient> scheduler, DeliveryTask task,
            TokenVault vault, NotificationsProperties properties, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.senders = senders;
        this.scheduler = scheduler;
        this.task = task;
        this.vault = vault;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void notify(NotificationRequest request) {
        Objects.requireNonNull(request.recipient(), "recipient");
        if (request.eventType() == null || !EventTypes.NAME.matcher(request.eventType()).matches()) {
            throw new IllegalArgumentException("Not an event type: " + request.eventType());
        }
        Instant now = clock.instant();
        if (request.dedupKey() != null
                && notifications.seenSince(request.recipient(), request.dedupKey(), now.minus(properties.dedupWindow()))) {
            return;
        }
        Optional<NotificationRepository.Preference> preference =
                notifications.preference(request.recipient(), request.eventType());
        Set<Channel> channels = request.channels() != null ? request.channels()
                : preference.map(NotificationRepository.Preference::channels).orElse(DEFAULT_CHANNELS);
        // a digest replaces single messages on the outside channels; explicit channels (alert rules) are sent at once
        Digest digest = request.channels() == null ? preference.map(NotificationRepository.Preference::digest)
                .orElse(Digest.NONE) : Digest.NONE;

        UUID id = UUID.randomUUID();
        List<NotificationAction> actions = request.actions() == null ? List.of() : request.actions();
        boolean stored = notifications.insert(id, request.recipient(), request.workspaceId(), request.eventType(),
                clip(SecretScrubber.scrub(request.title()), 300), clip(SecretScrubber.scrub(
                        request.body() == null ? "" : request.body()), 4000),
                clip(SecretScrubber.scrub(request.link()), 2000), request.dedupKey(), json.writeValueAsString(actions),
                digest, now);
        if (!stored || digest != Digest.NONE) {   // nobody left to tell, or the digest will tell them
            return;
        }
        for (ChannelSender sender : senders.getObject()) {
            if (sender.channel() == Channel.IN_APP || !channels.contains(sender.channel())
                    || sender.addressOf(request.recipient()).isEmpty()) {
                continue;
            }
            UUID deliveryId = UUID.randomUUID();
            deliveries.insert(new DeliveryRepository.NewDelivery(deliveryId, id, request.recipient(),
                    request.workspaceId(), sender.channel(), null, request.eventType(), null, null, null, null), now);
            schedule(deliveryId, now);
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void queue(String template, MailMessage message, UserId recipient) {
        Instant now = clock.instant();
        UUID deliveryId = UUID.randomUUID();
        // the body holds single-use links: sealed at rest, dropped once the delivery is final
        SealedValue sealed = vault.seal(message.text() + '\u0000' + message.html(), contentContext(deliveryId));
        deliveries.insert(new DeliveryRepository.NewDelivery(deliveryId, null, recipient, null, Channel.EMAIL,
                message.to(), template, message.subject(), sealed.keyId(), sealed.nonce(), sealed.ciphertext()), now);
        schedule(deliveryId, now);
    }

    private void schedule(UUID deliveryId, Instant at) {
        scheduler.getObject().scheduleIfNotExists(task.instance(deliveryId), at);
    }

    static AssociatedData contentContext(UUID deliveryId) {
        return new AssociatedData("delivery|" + deliveryId, "notifications.mail-content");
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
