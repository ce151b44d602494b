package com.tttools.app.platform.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail. With {@code smtpHost} blank, messages go to the log and the dev mailbox.
 *
 * @param starttls       require STARTTLS; false allows plain SMTP to a local relay
 * @param devMailboxAll  {@code TTTOOLS_DEV_MAILBOX_ALL}: the dev mailbox shows every message to anyone who can
 *                       reach it (default: only the signed-in user's own mail)
 */
@Validated
@ConfigurationProperties("tttools.mail")
public record MailProperties(
        String smtpHost,
        @DefaultValue("587") @Min(1) @Max(65535) int smtpPort,
        String username,
        String password,
        @DefaultValue("true") boolean starttls,
        @DefaultValue("TTtools <no-reply@localhost>") @NotBlank String from,
        @DefaultValue("false") boolean devMailboxAll) {

    public boolean smtp() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    @Override
    public String toString() {
        return "MailProperties[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                + ", starttls=" + starttls + ", from=" + from + ", devMailboxAll=" + devMailboxAll + "]";
    }
}
