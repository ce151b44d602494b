package com.tttools.app.platform.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail. With {@code smtpHost} blank and no provider key, messages go to the dev mailbox (never in
 * {@code prod}: the production guard refuses to start without a mail channel).
 *
 * @param starttls       require STARTTLS; false allows plain SMTP to a local relay
 * @param devMailboxAll  {@code TTTOOLS_DEV_MAILBOX_ALL}: the dev mailbox shows every message to anyone who can
 *                       reach it (default: only the signed-in user's own mail)
 * @param resendApiKey   {@code RESEND_API_KEY}: send through Resend's HTTP API (first choice)
 * @param postmarkToken  {@code POSTMARK_SERVER_TOKEN}: send through Postmark's HTTP API (after Resend)
 * @param resendApiUrl   {@code RESEND_API_URL}: Resend's base URL (tests point it at a local fake)
 * @param postmarkApiUrl {@code POSTMARK_API_URL}: Postmark's base URL
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
        @DefaultValue("false") boolean devMailboxAll,
        String resendApiKey,
        String postmarkToken,
        @DefaultValue("https://api.resend.com") @NotNull URI resendApiUrl,
        @DefaultValue("https://api.postmarkapp.com") @NotNull URI postmarkApiUrl) {

    public boolean smtp() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    /** Whether any real channel is configured (SMTP or a provider's API); false means the dev mailbox. */
    public boolean anyChannel() {
        return smtp() || present(resendApiKey) || present(postmarkToken);
    }

    public boolean resend() {
        return present(resendApiKey);
    }

    public boolean postmark() {
        return present(postmarkToken);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "MailProperties[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                + ", starttls=" + starttls + ", from=" + from + ", devMailboxAll=" + devMailboxAll
                + ", resendApiKey=" + (present(resendApiKey) ? "(set)" : "")
                + ", postmarkToken=" + (present(postmarkToken) ? "(set)" : "") + ", resendApiUrl=" + resendApiUrl
                + ", postmarkApiUrl=" + postmarkApiUrl + "]";
    }
}
