package com.tttools.app.identity.account;

import com.tttools.app.shared.audit.RequestMetadata;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tttools.app.identity.password.PasswordPolicy;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.MailTemplates;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.shared.UserId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A reset request for an unknown address goes through the same steps as one for a known address (look-up,
 * token generated and hashed with the same token-table work, the email rendered); only storing and queueing
 * the mail are left out. No wall-clock assertion: the steps are what make the timings alike.
 */
class PasswordResetStepsTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    final UserRepository users = mock(UserRepository.class);
    final EmailTokens tokens = mock(EmailTokens.class);
    final MailTemplates templates = mock(MailTemplates.class);
    final MailOutbox outbox = mock(MailOutbox.class);
    final SecurityEvents securityEvents = mock(SecurityEvents.class);
    final AccountService accounts = new AccountService(users, tokens, mock(PasswordPolicy.class),
            mock(PasswordEncoder.class), outbox, templates, mock(ApplicationEventPublisher.class), securityEvents,
            mock(SessionTerminator.class), mock(AccessTokenRevoker.class),
            new PlatformProperties(URI.create("http://localhost:8080"), null), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anUnknownAddressIsLookedUpGetsATokenMadeAndItsEmailRenderedButNothingStoredOrSent() {
        when(users.findByEmail("nobody@example.com")).thenReturn(Optional.empty());
        when(tokens.issueForNobody(EmailTokenPurpose.RESET_PASSWORD, NOW)).thenReturn("decoy-token");

        accounts.requestPasswordReset("nobody@example.com", RequestMetadata.none());

        InOrder steps = inOrder(users, tokens, templates);
        steps.verify(users).findByEmail("nobody@example.com");
        steps.verify(tokens).issueForNobody(EmailTokenPurpose.RESET_PASSWORD, NOW);
        steps.verify(templates).render(eq("reset-password"), eq("nobody@example.com"), anyString(), anyMap());
        verify(tokens, never()).issue(any(), any(), any(), any());
        verify(outbox, never()).queue(any(), any(), any());
        verify(securityEvents, never()).publish(anyString(), any(), any(), anyMap(), any());
    }

    @Test
    void aKnownAddressTakesTheSameStepsAndThenSends() {
        UserId id = UserId.random();
        UserRecord user = new UserRecord(id, "someone@example.com", "Someone", "hash", null, NOW, NOW);
        MailMessage mail = new MailMessage("someone@example.com", "Reset your TTtools password", "text", "html");
        when(users.findByEmail("someone@example.com")).thenReturn(Optional.of(user));
        when(tokens.issue(id, EmailTokenPurpose.RESET_PASSWORD, null, NOW)).thenReturn("real-token");
        when(templates.render(eq("reset-password"), eq("someone@example.com"), anyString(), anyMap())).thenReturn(mail);

        accounts.requestPasswordReset("someone@example.com", RequestMetadata.none());

        InOrder steps = inOrder(users, tokens, templates, outbox);
        steps.verify(users).findByEmail("someone@example.com");
        steps.verify(tokens).issue(id, EmailTokenPurpose.RESET_PASSWORD, null, NOW);
        steps.verify(templates).render(eq("reset-password"), eq("someone@example.com"), anyString(), anyMap());
        steps.verify(outbox).queue("reset-password", mail, id);   // queued; the outbox sends after commit
        verify(tokens, never()).issueForNobody(any(), any());
    }
}
