package com.tttools.app.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plain SMTP without TLS (a local relay) against GreenMail, a real SMTP server. */
@ExtendWith(OutputCaptureExtension.class)
class SmtpMailerTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "relay-password"));

    @Test
    void sendsMultipartTextAndHtmlThroughSmtp() throws Exception {
        var properties = new MailProperties("127.0.0.1", smtp.getSmtp().getPort(), "relay", "relay-password", false,
                "TTtools <no-reply@tttools.test>", false, null, null, URI.create("https://api.resend.com"),
                URI.create("https://api.postmarkapp.com"));
        Mailer mailer = new MailConfiguration().mailer(properties, Clock.systemUTC());
        assertThat(mailer).isInstanceOf(SmtpMailer.class);

        MailMessage message = new MailTemplates().render("verify-email", "ada@example.com", "Confirm your TTtools email address",
                Map.of("name", "Ada", "link", "http://localhost:8080/verify-email?token=abc"));
        mailer.send(message);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Confirm your TTtools email address");
        assertThat(received[0].getFrom()[0].toString()).contains("no-reply@tttools.test");
        assertThat(received[0].getContent()).isInstanceOf(MimeMultipart.class);
        String text = partsOf(received[0].getContent(), "text/plain");
        String html = partsOf(received[0].getContent(), "text/html");
        assertThat(text).contains("Hello Ada").contains("http://localhost:8080/verify-email?token=abc");
        assertThat(html).contains("<a href=\"http://localhost:8080/verify-email?token=abc\"");
    }

    private static String partsOf(Object content, String type) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder found = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    found.append(part.getContent());
                } else {
                    found.append(partsOf(part.getContent(), type));
                }
            }
            return found.toString();
        }
        return "";
    }

    @Test
    void withoutSmtpHostMailGoesToTheDevMailboxWhichNeverPrintsTheRecipient(CapturedOutput output) {
        var properties = new MailProperties("", 587, null, null, true, "TTtools <no-reply@localhost>", false, null, null, URI.create("https://api.resend.com"), URI.create("https://api.postmarkapp.com"));
        Mailer mailer = new MailConfiguration().mailer(properties, Clock.systemUTC());
        mailer.send(new MailMessage("bob@example.com", "Hi", "text", "<p>html</p>"));
        assertThat(((DevMailbox) mailer).messages()).singleElement()
                .satisfies(d -> assertThat(d.message().to()).isEqualTo("bob@example.com"));
        assertThat(properties.toString()).doesNotContain("password=");
        assertThat(output.getAll()).contains("kept (read it at /dev/mailbox)").doesNotContain("bob@example.com");
    }

    @Test
    void aProviderKeyAloneNeverFallsBackToTheDevMailboxNorSendsBySmtp() {
        var resend = new MailProperties("", 587, null, null, true, "TTtools <no-reply@localhost>", false, "re_secret",
                null, URI.create("https://api.resend.com"), URI.create("https://api.postmarkapp.com"));

        Mailer mailer = new MailConfiguration().mailer(resend, Clock.systemUTC());
        assertThat(mailer).isNotInstanceOf(DevMailbox.class).isNotInstanceOf(SmtpMailer.class);
        assertThatThrownBy(() -> mailer.send(new MailMessage("bob@example.com", "Hi", "text", "<p>html</p>")))
                .isInstanceOf(MailDeliveryException.class);
        assertThat(resend.anyChannel()).isTrue();
        assertThat(resend.toString()).doesNotContain("re_secret");
    }

}
