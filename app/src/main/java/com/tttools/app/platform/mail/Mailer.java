package com.tttools.app.platform.mail;

/** The port through which every module sends email. Implementations: SMTP, or the dev mailbox. */
public interface Mailer {

    void send(MailMessage message);
}
