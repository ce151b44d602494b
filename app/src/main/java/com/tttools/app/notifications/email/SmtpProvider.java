package com.tttools.app.notifications.email;

import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.platform.mail.MailDeliveryException;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;

/**
 * The platform's SMTP mailer (or, with nothing configured, the dev mailbox). SMTP gives no provider message id;
 * the delivery id stands in. Any failure is retried: an SMTP server that is down, refuses STARTTLS or times out is
 * an outage, and its exception text (which may quote the address) is not kept.
 */
class SmtpProvider implements EmailProvider {

    private final Mailer mailer;

    SmtpProvider(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(OutgoingMessage message) throws DeliveryFailure {
        try {
            mailer.send(new MailMessage(message.address(), message.subject(), message.textBody(),
                    message.htmlBody() == null ? "<pre>" + org.springframework.web.util.HtmlUtils.htmlEscape(
                            message.textBody()) + "</pre>" : message.htmlBody()));
            return "smtp-" + message.deliveryId();
        } catch (MailDeliveryException | org.springframework.mail.MailException e) {
            throw new DeliveryFailure("SMTP server unavailable (" + ResendClient.rootName(e) + ")", true, null);
        }
    }
}
