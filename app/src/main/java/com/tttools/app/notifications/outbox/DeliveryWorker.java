package com.tttools.app.notifications.outbox;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.ChannelSender;
import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.MailTemplates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one queued delivery through its channel and records the outcome: SENT with the provider's message id;
 * FAILED at once for a permanent failure (invalid address, bad credentials) or after the last allowed attempt;
 * otherwise the attempt is counted and {@link RetryLater} names the time of the next one. Logs never name the
 * recipient or quote the content.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Ends an execution that should run again at {@code next}. */
    static final class RetryLater extends RuntimeException {
        private final Instant next;

        RetryLater(Instant next, String reason) {
            super(reason, null, false, false);
            this.next = next;
        }

        Instant next() {
            return next;
        }
    }

    private record Content(String eventType, String title, String body, String link, String actions) {
    }

    private final DeliveryRepository deliveries;
    private final ObjectProvider<List<ChannelSender>> senders;
    private final TokenVault vault;
    private final MailTemplates templates;
    private final PlatformProperties platform;
    private final NotificationsProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    DeliveryWorker(DeliveryRepository deliveries, ObjectProvider<List<ChannelSender>> senders, TokenVault vault,
            MailTemplates templates, PlatformProperties platform, NotificationsProperties properties, JdbcClient jdbc,
            Clock clock) {
        this.deliveries = deliveries;
        this.senders = senders;
        this.vault = vault;
        this.templates = templates;
        this.platform = platform;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void attempt(UUID id) {
        Optional<DeliveryRepository.Delivery> found = deliveries.find(id);
        if (found.isEmpty() || found.get().status() != DeliveryStatus.QUEUED) {
            return;   // sent by an earlier execution, or gone with its user or workspace
        }
        DeliveryRepository.Delivery delivery = found.get();
        Optional<ChannelSender> sender = senders.getObject().stream()
                .filter(s -> s.channel() == delivery.channel()).findFirst();
        if (sender.isEmpty()) {
            deliveries.failed(id, "No " + delivery.channel() + " channel is configured", false, clock.instant());
            return;
        }
        String address = delivery.address() != null ? delivery.address()
                : delivery.userId() == null ? null : sender.get().addressOf(delivery.userId()).orElse(null);
        if (address == null) {
            deliveries.failed(id, "The recipient cannot be reached on this channel", false, clock.instant());
            return;
        }
        OutgoingMessage message;
        try {
            message = message(delivery, address);
        } catch (RuntimeException e) {
            log.warn("Delivery {} cannot be built ({}); marked failed", id, e.getClass().getSimpleName());
            deliveries.failed(id, "The message could not be prepared", false, clock.instant());
            return;
        }
        try {
            ProviderReporting.Sent sent = sender.get() instanceof ProviderReporting reporting
                    ? reporting.sendReporting(message)
                    : new ProviderReporting.Sent(delivery.channel().name().toLowerCase(), sender.get().send(message));
            deliveries.sent(id, address, sent.provider(), sent.messageId(), clock.instant());
        } catch (DeliveryFailure failure) {
            failedAttempt(delivery, failure.getMessage(), failure.retryable(), failure.retryAfter());
        } catch (RuntimeException e) {
            // never e.getMessage(): transport exceptions quote addresses
            failedAttempt(delivery, "Unexpected " + e.getClass().getSimpleName(), true, null);
        }
    }

    private void failedAttempt(DeliveryRepository.Delivery delivery, String reason, boolean retryable,
            java.time.Duration retryAfter) {
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        if (!retryable || attempts >= properties.maxAttempts()) {
            log.warn("Delivery {} ({} {}) failed after {} attempt(s): {}", delivery.id(), delivery.channel(),
                    delivery.template(), attempts, reason);
            deliveries.failed(delivery.id(), reason, true, now);
            return;
        }
        Instant next = now.plus(properties.delayAfter(attempts, retryAfter));
        log.info("Delivery {} ({} {}) attempt {} failed, retrying at {}: {}", delivery.id(), delivery.channel(),
                delivery.template(), attempts, next, reason);
        deliveries.retryLater(delivery.id(), reason, next, now);
        throw new RetryLater(next, reason);
    }

    private OutgoingMessage message(DeliveryRepository.Delivery delivery, String address) {
        if (delivery.notificationId() == null) {
            String opened = vault.open(new SealedValue(delivery.contentKeyId(), delivery.contentNonce(),
                    delivery.content()), OutboxService.contentContext(delivery.id()));
            int split = opened.indexOf('\u0000');
            return new OutgoingMessage(delivery.id(), delivery.userId(), address, delivery.template(),
                    delivery.subject(), opened.substring(0, split), opened.substring(split + 1), null, List.of());
        }
        Content content = jdbc.sql("""
                SELECT event_type, title, body, link, actions::text AS actions FROM notifications WHERE id = :id
                """)
                .param("id", delivery.notificationId())
                .query((rs, n) -> new Content(rs.getString("event_type"), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), rs.getString("actions")))
                .single();
        String link = content.link() == null ? null : absolute(content.link());
        Map<String, Object> model = new HashMap<>();
        model.put("body", content.body());
        model.put("link", link);
        model.put("preferencesLink", absolute("/account/notifications"));
        MailMessage rendered = templates.render("notification", address, content.title(), model);
        List<NotificationAction> actions = json.readValue(content.actions(), new TypeReference<>() { });
        return new OutgoingMessage(delivery.id(), delivery.userId(), address, content.eventType(), content.title(),
                rendered.text(), delivery.channel() == Channel.EMAIL ? rendered.html() : null, link, actions);
    }

    private String absolute(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return platform.baseUrl().toString().replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
    }
}
