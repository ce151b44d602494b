package com.tttools.app.identity.account;

import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.EmailAddress;
import com.tttools.app.shared.validation.PersonName;
import com.tttools.app.identity.IdentityEvents.UserEmailChanged;
import com.tttools.app.identity.IdentityEvents.UserEmailVerified;
import com.tttools.app.identity.IdentityEvents.UserPasswordChanged;
import com.tttools.app.identity.IdentityEvents.UserProfileChanged;
import com.tttools.app.identity.IdentityEvents.UserSignedUp;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.password.PasswordPolicy;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.MailTemplates;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account life cycle: sign-up, email verification, password reset and change, email and name changes. */
@Service
public class AccountService {

    /** Pragmatic address check (RFC 5321 lengths, one @, a dot in the domain); the verification email is the real test. */
    public static final int MAX_EMAIL = EmailAddress.MAX;
    public static final int MAX_NAME = PersonName.MAX;

    private final UserRepository users;
    private final EmailTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailOutbox mail;
    private final MailTemplates templates;
    private final ApplicationEventPublisher events;
    private final SecurityEvents securityEvents;
    private final SessionTerminator sessions;
    private final AccessTokenRevoker accessTokens;
    private final PlatformProperties platform;
    private final Clock clock;

    public AccountService(UserRepository users, EmailTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
            MailOutbox mail, MailTemplates templates, ApplicationEventPublisher events,
            SecurityEvents securityEvents, SessionTerminator sessions, AccessTokenRevoker accessTokens,
            PlatformProperties platform, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.templates = templates;
        this.events = events;
        this.securityEvents = securityEvents;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * The outcome of a sign-up. {@code created} is false when the address already had an account: then
     * {@code user} is a stand-in that was never stored (a fresh random id, the given email and name,
     * unverified), so that the caller can answer exactly as for a new account, and the owner got an email.
     */
    public record SignUp(UserRecord user, boolean created) {
    }

    /**
     * Creates the account and sends the verification email. The values come validated by the sign-up request
     * records ({@code @EmailAddress}, {@code @PersonName}, {@code @AcceptablePassword}) of the page and the API. A
     * taken address is not revealed: the same work is done (the password is hashed), nothing is stored, and the
     * address's owner is told by email that someone tried to sign up with it.
     */
    @Transactional
    public SignUp signUp(String email, String password, String name, RequestMetadata request) {
        Instant now = clock.instant();
        UserId id = UserId.random();
        if (!users.insert(id, email, name.strip(), encoder.encode(password), now)) {
            UserRecord owner = users.findByEmail(email).orElseThrow();
            // queued, sent after commit by the outbox: a taken address must not answer slower (SMTP) than a new one
            mail.queue("signup-attempt", templates.render("signup-attempt", owner.email(),
                    "Someone tried to sign up with your address",
                    Map.of("name", owner.name(), "link", link("/login"))), owner.id());
            return new SignUp(new UserRecord(id, email.strip(), name.strip(), null, null, null, now), false);
        }
        UserRecord user = users.findById(id).orElseThrow();
        sendVerification(user, now);
        events.publishEvent(new UserSignedUp(id, user.email(), request, now));
        return new SignUp(user, true);
    }

    @Transactional
    public void resendVerification(UserId userId) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (!user.emailVerified()) {
            sendVerification(user, clock.instant());
        }
    }

    /** Verifies an address: the account's own, or a new one requested through an email change. */
    @Transactional
    public UserId verifyEmail(String token, RequestMetadata request) {
        Instant now = clock.instant();
        Optional<EmailTokens.Consumed> verified = tokens.consume(token, EmailTokenPurpose.VERIFY_EMAIL, now);
        if (verified.isPresent()) {
            UserId id = verified.get().userId();
            users.markEmailVerified(id, now);
            UserRecord user = users.findById(id).orElseThrow();
            events.publishEvent(new UserEmailVerified(id, user.email(), request, now));
            return id;
        }
        EmailTokens.Consumed change = tokens.consume(token, EmailTokenPurpose.CHANGE_EMAIL, now)
                .orElseThrow(() -> new ValidationFailedException("token", "This link is invalid, already used or expired."));
        UserRecord before = users.findById(change.userId()).orElseThrow();
        if (!users.changeEmail(change.userId(), change.newEmail(), now)) {
            throw new ConflictException("That email address now belongs to another account.");
        }
        events.publishEvent(new UserEmailChanged(change.userId(), before.email(), change.newEmail(),
                request, now));
        securityEvents.publish(SecurityEventTypes.EMAIL_CHANGED, change.userId(), change.newEmail(), Map.of(), request);
        return change.userId();
    }

    /**
     * Always succeeds from the caller's view: whether the account exists is never revealed, by the answer or by
     * the work done. An unknown address goes through the same steps (a token generated and hashed, the same
     * token-table statement, the email rendered) except that nothing is stored and nothing is sent.
     */
    @Transactional
    public void requestPasswordReset(String email, RequestMetadata request) {
        if (email == null || email.length() > MAX_EMAIL) {
            return;
        }
        Optional<UserRecord> user = users.findByEmail(email);
        Instant now = clock.instant();
        String token = user.isPresent()
                ? tokens.issue(user.get().id(), EmailTokenPurpose.RESET_PASSWORD, null, now)
                : tokens.issueForNobody(EmailTokenPurpose.RESET_PASSWORD, now);
        MailMessage message = templates.render("reset-password", user.map(UserRecord::email).orElse(email.strip()),
                "Reset your TTtools password", Map.of("name", user.map(UserRecord::name).orElse(""),
                        "link", link("/reset-password?token=" + token)));
        if (user.isPresent()) {
            // queued, sent after commit by the outbox: a known address must not answer slower (SMTP) than an unknown one
            mail.queue("reset-password", message, user.get().id());
            securityEvents.publish(SecurityEventTypes.PASSWORD_RESET_REQUESTED, user.get().id(), user.get().email(),
                    Map.of(), request);
        }
    }

    /** Whether a password-reset link can still be used (not unknown, used or expired). */
    @Transactional(readOnly = true)
    public boolean isPasswordResetUsable(String token) {
        return tokens.isUsable(token, EmailTokenPurpose.RESET_PASSWORD, clock.instant());
    }

    /** Why a password-reset link does not work (or that it does): used, expired or unknown. */
    public EmailTokens.LinkState passwordResetLinkState(String token) {
        return tokens.state(token, EmailTokenPurpose.RESET_PASSWORD, clock.instant());
    }

    /**
     * Sets a new password from an emailed link and ends every session and personal access token of the account:
     * whoever held the account before the mailbox owner recovered it keeps nothing.
     */
    @Transactional
    public UserId confirmPasswordReset(String token, String newPassword, RequestMetadata request) {
        Instant now = clock.instant();
        EmailTokens.Consumed consumed = tokens.consume(token, EmailTokenPurpose.RESET_PASSWORD, now)
                .orElseThrow(() -> new ValidationFailedException("token", "This link is invalid, already used or expired."));
        UserRecord user = users.findById(consumed.userId()).orElseThrow();
        policy.check(newPassword, user.email()).ifPresent(m -> {
            throw new ValidationFailedException("newPassword", m);
        });
        users.updatePasswordHash(user.id(), encoder.encode(newPassword), now);
        // The link proves control of the mailbox, so the address counts as verified too.
        users.markEmailVerified(user.id(), now);
        sessions.endAllSessions(user.id(), null);
        accessTokens.revokeAllTokens(user.id(), "password_reset", request);
        events.publishEvent(new UserPasswordChanged(user.id(), user.email(), true, request, now));
        securityEvents.publish(SecurityEventTypes.PASSWORD_RESET, user.id(), user.email(), Map.of(), request);
        return user.id();
    }

    /** Changes the password given the current one; the user's other sessions and all their access tokens end. */
    @Transactional
    public void changePassword(UserId userId, String currentPassword, String newPassword, String keepSessionId,
            RequestMetadata request) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new ValidationFailedException("currentPassword", "is not your current password");
        }
        policy.check(newPassword, user.email()).ifPresent(m -> {
            throw new ValidationFailedException("newPassword", m);
        });
        Instant now = clock.instant();
        users.updatePasswordHash(userId, encoder.encode(newPassword), now);
        sessions.endAllSessions(userId, keepSessionId);
        accessTokens.revokeAllTokens(userId, "password_changed", request);
        events.publishEvent(new UserPasswordChanged(userId, user.email(), false, request, now));
        securityEvents.publish(SecurityEventTypes.PASSWORD_CHANGED, userId, user.email(), Map.of(), request);
    }

    /** The name comes validated by the page's and the API's request records ({@code @PersonName}). */
    @Transactional
    public UserRecord changeName(UserId userId, String name, RequestMetadata request) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (!user.name().equals(name.strip())) {
            Instant now = clock.instant();
            users.updateName(userId, name.strip(), now);
            events.publishEvent(new UserProfileChanged(userId, user.email(), user.name(), name.strip(),
                    request, now));
        }
        return users.findById(userId).orElseThrow();
    }

    /** Sends a confirmation link to the new address; the change happens when it is followed. */
    @Transactional
    public void requestEmailChange(UserId userId, String newEmail, String currentPassword) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new ValidationFailedException("currentPassword", "is not your current password");
        }
        validateEmail(newEmail).ifPresent(m -> {
            throw new ValidationFailedException("email", m);
        });
        if (users.findByEmail(newEmail).isPresent()) {
            throw new ConflictException("That email address already belongs to an account.");
        }
        String token = tokens.issue(userId, EmailTokenPurpose.CHANGE_EMAIL, newEmail.strip(), clock.instant());
        mail.queue("change-email", templates.render("change-email", newEmail.strip(),
                "Confirm your new TTtools email address",
                Map.of("name", user.name(), "link", link("/verify-email?token=" + token))), userId);
    }

    private void sendVerification(UserRecord user, Instant now) {
        String token = tokens.issue(user.id(), EmailTokenPurpose.VERIFY_EMAIL, null, now);
        mail.queue("verify-email", templates.render("verify-email", user.email(), "Confirm your TTtools email address",
                Map.of("name", user.name(), "link", link("/verify-email?token=" + token))), user.id());
    }

    private String link(String pathAndQuery) {
        String base = platform.baseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }

    static Optional<String> validateEmail(String email) {
        return EmailAddress.Validator.problem(email);
    }
}
