package com.tttools.app.notifications.email;

import com.tttools.app.identity.UserAccounts;
import com.tttools.app.platform.mail.MailProperties;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.outbound.OutboundHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Chooses the e-mail providers from configuration: Resend when {@code RESEND_API_KEY} is set, Postmark when
 * {@code POSTMARK_SERVER_TOKEN} is, SMTP when {@code SMTP_HOST} is, in that order (each later one is the failover of
 * the earlier). With none, the dev mailbox stands in for SMTP.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    @Bean
    EmailChannel emailChannel(MailProperties mail, Mailer mailer, UserAccounts users, OutboundHttp outbound) {
        RestClient.Builder http = outbound.restClient(Duration.ofSeconds(5), Duration.ofSeconds(20));
        List<EmailProvider> providers = new ArrayList<>();
        if (mail.resend()) {
            providers.add(new ResendClient(http, mail.resendApiUrl().toString(), mail.resendApiKey(), mail.from()));
        }
        if (mail.postmark()) {
            providers.add(new PostmarkClient(http, mail.postmarkApiUrl().toString(), mail.postmarkToken(), mail.from()));
        }
        if (mail.smtp() || !mail.anyChannel()) {
            providers.add(new SmtpProvider(mailer));
        }
        return new EmailChannel(providers, users);
    }
}
