package com.tttools.app.identity.security;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.account.SecondFactor;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.session.SessionProperties;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.platform.web.HttpRequestMetadata;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * "Recent authentication" for account-security actions (creating a personal access token, turning two-factor
 * sign-in on or off, new recovery codes, ending sessions). The session records when its user last proved the
 * password or the second factor ({@link UserSessions#CONFIRMED_AT}; signing in counts); these actions need that
 * within {@link SessionProperties#reauthenticationWindow()} (10 minutes by default). A request authenticated
 * with a personal access token never qualifies, so a token cannot mint tokens, enrol a second factor or end
 * the owner's sessions.
 */
@Component
public class RecentAuthentication {

    private final Clock clock;
    private final Duration window;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final ObjectProvider<SecondFactor> secondFactor;
    private final RateLimiter limiter;
    private final SecurityEvents securityEvents;

    public RecentAuthentication(Clock clock, SessionProperties sessions, UserRepository users, PasswordEncoder encoder,
            ObjectProvider<SecondFactor> secondFactor, RateLimiter limiter, SecurityEvents securityEvents) {
        this.clock = clock;
        this.window = sessions.reauthenticationWindow();
        this.users = users;
        this.encoder = encoder;
        this.secondFactor = secondFactor;
        this.limiter = limiter;
        this.securityEvents = securityEvents;
    }

    /** Whether the request may perform an account-security action now. */
    public boolean isRecent(HttpServletRequest request) {
        if (PersonalAccessTokenFilter.authenticatedWithToken(request)) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(UserSessions.CONFIRMED_AT) instanceof Instant confirmedAt
                && !confirmedAt.plus(window).isBefore(clock.instant());
    }

    /** Throws {@link ReauthenticationRequiredException} unless {@link #isRecent}. */
    public void require(HttpServletRequest request) {
        if (!isRecent(request)) {
            throw new ReauthenticationRequiredException(PersonalAccessTokenFilter.authenticatedWithToken(request));
        }
    }

    /** Records that the session's user proved a factor just now (sign-in calls it too). */
    public static void markConfirmed(HttpSession session, Instant now) {
        session.setAttribute(UserSessions.CONFIRMED_AT, now);
    }

    /**
     * Confirms the signed-in user's password, or a second-factor code when two-factor sign-in is on, and opens
     * the window for this session. Failures count against the account's failed-login limit.
     */
    public void confirm(AuthenticatedUser caller, String password, String code, HttpServletRequest request) {
        if (PersonalAccessTokenFilter.authenticatedWithToken(request) || request.getSession(false) == null) {
            throw new ReauthenticationRequiredException(true);
        }
        UserRecord user = users.findById(caller.id()).orElseThrow(() -> new NotFoundException("User"));
        String limitKey = user.email().toLowerCase(Locale.ROOT);
        if (!limiter.check(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, limitKey).allowed()) {
            throw new ValidationFailedException("password", "was tried too often; wait a few minutes and try again");
        }
        SecondFactor factor = secondFactor.getIfAvailable();
        boolean proven;
        if (password != null && !password.isEmpty()) {
            proven = encoder.matches(password, user.passwordHash());
        } else {
            proven = code != null && !code.isBlank() && factor != null && factor.enabled(user.id())
                    && factor.verify(user.id(), code.strip(), HttpRequestMetadata.of(request));
        }
        if (!proven) {
            limiter.consume(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, limitKey);
            securityEvents.publish(SecurityEventTypes.LOGIN_FAILED, user.id(), user.email(),
                    Map.of("step", "reauthentication"), HttpRequestMetadata.of(request));
            throw new ValidationFailedException(password != null && !password.isEmpty() ? "password" : "code",
                    password != null && !password.isEmpty() ? "is not your current password" : "is not a valid code");
        }
        markConfirmed(request.getSession(false), clock.instant());
        // a session that just proved the password gets a new id, as at sign-in: a copied cookie stays unprivileged
        request.changeSessionId();
    }
}
