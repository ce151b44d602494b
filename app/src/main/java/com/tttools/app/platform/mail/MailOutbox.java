package com.tttools.app.platform.mail;

import com.tttools.app.shared.UserId;

/**
 * How modules send transactional mail (verification, password reset, invitations): the message is queued in the
 * caller's transaction and sent after commit, with retries, by the notifications module's outbox. A mail outage
 * therefore never fails the request, and a rolled-back transaction sends nothing.
 */
public interface MailOutbox {

    /**
     * @param template  the template's name, kept in the delivery log (the rendered body is not shown there)
     * @param recipient the account the mail is for, null when it has none yet (an invitee)
     */
    void queue(String template, MailMessage message, UserId recipient);
}
