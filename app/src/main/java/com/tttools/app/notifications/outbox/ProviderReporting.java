package com.tttools.app.notifications.outbox;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;

/**
 * A {@link com.tttools.app.notifications.ChannelSender} that can say which provider took a message (the e-mail
 * channel fails over between Resend, Postmark and SMTP), so that provider webhooks find the delivery again.
 */
public interface ProviderReporting {

    record Sent(String provider, String messageId) {
    }

    Sent sendReporting(OutgoingMessage message) throws DeliveryFailure;
}
