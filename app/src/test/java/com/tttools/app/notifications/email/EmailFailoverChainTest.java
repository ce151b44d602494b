package com.tttools.app.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.tttools.app.notifications.DeliveryFailure;
import com.tttools.app.notifications.OutgoingMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.mail.MailProperties;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.FakeHttpProvider.Answer;
import com.tttools.app.support.Outbound;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The e-mail channel as {@code EmailConfiguration} builds it from configuration with all three providers set:
 * Resend, then Postmark, then SMTP (GreenMail, a real SMTP server). Each failing provider hands the message to the
 * next, so with Resend and Postmark down the mail still leaves by SMTP; with only some configured, only those are
 * tried, in the same order.
 */
class EmailFailoverChainTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    FakeHttpProvider resend = new FakeHttpProvider(new Answer(200, Map.of(), "{\"id\":\"resend-id-1\"}"));
    FakeHttpProvider postmark = new FakeHttpProvider(new Answer(200, Map.of(),
            "{\"To\":\"ops@example.com\",\"MessageID\":\"postmark-id-1\",\"ErrorCode\":0,\"Message\":\"OK\"}"));

    @AfterEach
    void close() {
        resend.close();
        postmark.close();
    }

    MailProperties properties(boolean withResend, boolean withPostmark, boolean withSmtp) {
        return new MailProperties(withSmtp ? "127.0.0.1" : "", smtp.getSmtp().getPort(), null, null, false,
                "TTtools <alerts@tttools.test>", false, withResend ? "re_test_123" : null,
                withPostmark ? "pm-token" : null, URI.create(resend.baseUrl()), URI.create(postmark.baseUrl()));
    }

    EmailChannel channel(MailProperties properties) {
        return new EmailConfiguration().emailChannel(properties, mailer(properties), null, Outbound.trustingLoopback());
    }

    /** The platform's own mailer for these properties (its configuration class is internal to platform.mail). */
    static Mailer mailer(MailProperties properties) {
        try {
            var configuration = Class.forName("com.tttools.app.platform.mail.MailConfiguration").getDeclaredConstructor();
            configuration.setAccessible(true);
            Object instance = configuration.newInstance();
            var factory = instance.getClass().getDeclaredMethod("mailer", MailProperties.class, Clock.class);
            factory.setAccessible(true);
            return (Mailer) factory.invoke(instance, properties, Clock.systemUTC());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static OutgoingMessage message() {
        return new OutgoingMessage(UUID.randomUUID(), null, "ops@example.com", "alert.fired", "Spend above 100",
                "Campaign 1790 spent 150.00 EUR", null, null, List.of());
    }

    @Test
    void configuredProvidersAreTriedInTheOrderResendPostmarkSmtp() {
        assertThat(channel(properties(true, true, true)).providers()).containsExactly("resend", "postmark", "smtp");
        assertThat(channel(properties(false, true, true)).providers()).containsExactly("postmark", "smtp");
        assertThat(channel(properties(true, false, true)).providers()).containsExactly("resend", "smtp");
        assertThat(channel(properties(true, true, false)).providers()).containsExactly("resend", "postmark");
    }

    @Test
    void theFirstWorkingProviderSendsAndTheLaterOnesAreNotTouched() throws Exception {
        var sent = channel(properties(true, true, true)).sendReporting(message());

        assertThat(sent.provider()).isEqualTo("resend");
        assertThat(sent.messageId()).isEqualTo("resend-id-1");
        assertThat(postmark.requests()).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withResendAndPostmarkDownTheMailLeavesBySmtp() throws Exception {
        resend.then(new Answer(503, Map.of(), "{\"statusCode\":503,\"name\":\"service_unavailable\",\"message\":\"down\"}"));
        postmark.then(new Answer(500, Map.of(), "{\"ErrorCode\":500,\"Message\":\"Internal server error\"}"));
        OutgoingMessage message = message();

        var sent = channel(properties(true, true, true)).sendReporting(message);

        assertThat(sent.provider()).isEqualTo("smtp");
        assertThat(sent.messageId()).isEqualTo("smtp-" + message.deliveryId());
        assertThat(resend.requests()).hasSize(1);
        assertThat(postmark.requests()).hasSize(1);
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Spend above 100"));
    }

    @Test
    void withEveryProviderDownTheDeliveryIsRetriedLater() {
        resend.then(new Answer(503, Map.of(), "{\"statusCode\":503,\"name\":\"service_unavailable\",\"message\":\"down\"}"));
        postmark.then(new Answer(503, Map.of(), ""));
        EmailChannel channel = channel(properties(true, true, true));
        smtp.stop();

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> channel.sendReporting(message()));

        assertThat(failure.retryable()).isTrue();
        assertThat(resend.requests()).hasSize(1);
        assertThat(postmark.requests()).hasSize(1);
        assertThat(failure.getMessage()).contains("SMTP server unavailable");
    }
}
