package com.tttools.app.platform.mail;

import java.time.Clock;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP transport: SMTP when {@code SMTP_HOST} is set; the dev mailbox when no mail channel at all is configured
 * (outside {@code prod} only: ProductionSettingsGuard stops start-up without a channel); otherwise (only Resend or
 * Postmark, which the notifications module reaches over their HTTP APIs) a mailer that refuses, never used.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(MailProperties configured, Clock clock) {
        if (!configured.anyChannel()) {
            return new DevMailbox(clock);
        }
        if (!configured.smtp()) {
            return message -> {
                throw new MailDeliveryException("No SMTP server is configured (SMTP_HOST)", null);
            };
        }
        MailProperties properties = configured;
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.smtpHost());
        sender.setPort(properties.smtpPort());
        sender.setUsername(blankToNull(properties.username()));
        sender.setPassword(blankToNull(properties.password()));
        Properties javaMail = sender.getJavaMailProperties();
        javaMail.put("mail.smtp.auth", String.valueOf(properties.username() != null && !properties.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
        javaMail.put("mail.smtp.starttls.required", String.valueOf(properties.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", "10000");
        javaMail.put("mail.smtp.timeout", "10000");
        javaMail.put("mail.smtp.writetimeout", "10000");
        return new SmtpMailer(sender, properties.from());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
