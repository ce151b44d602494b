package com.tttools.app.notifications;

import com.tttools.app.shared.UserId;
import java.util.Optional;

/** Sends deliveries on one channel (e-mail by H7, Telegram by H8); the outbox job calls it. */
public interface ChannelSender {

    Channel channel();

    /** The user's address on this channel (e-mail address, Telegram chat id); empty when unreachable there. */
    Optional<String> addressOf(UserId user);

    /** Sends one message; returns the provider's message id. */
    String send(OutgoingMessage message) throws DeliveryFailure;
}
