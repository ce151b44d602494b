package com.tttools.app.notifications.email;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;

/** One way of sending e-mail (Resend, Postmark, SMTP). */
interface EmailProvider {

    String name();

    /** Sends the message; returns the provider's message id. */
    String send(OutgoingMessage message) throws DeliveryFailure;
}
