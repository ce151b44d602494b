package com.tttools.app.identity.security;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.platform.web.HttpRequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and ends signed-in sessions. Sign-in always replaces the session (a new id, nothing carried over),
 * which defeats session fixation and drops half-finished two-step state.
 */
@Component
public class SignIn {

    /** Granted to sessions and read-write tokens; unsafe API methods require it. */
    public static final SimpleGrantedAuthority WRITE = new SimpleGrantedAuthority("WRITE");
    static final String PENDING_SECOND_FACTOR = "tttools.pendingSecondFactorUser";
    static final String PENDING_SINCE = "tttools.pendingSecondFactorSince";

    private final SecurityContextRepository contexts;
    private final Clock clock;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public SignIn(SecurityContextRepository contexts, Clock clock) {
        this.contexts = contexts;
        this.clock = clock;
    }

    public AuthenticatedUser signIn(UserRecord user, HttpServletRequest request, HttpServletResponse response) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        var metadata = HttpRequestMetadata.of(request);
        session.setAttribute(UserSessions.IP, metadata.ip());
        session.setAttribute(UserSessions.USER_AGENT, metadata.userAgent());
        session.setAttribute(UserSessions.SIGNED_IN_AT, clock.instant());
        RecentAuthentication.markConfirmed(session, clock.instant());
        AuthenticatedUser principal = new AuthenticatedUser(user.id(), user.email(), user.name(), false);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of(WRITE)));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return principal;
    }

    /**
     * Replaces the session with a new, signed-out one: what a sign-up with a taken address does, so that its
     * answer carries a new session cookie exactly like a real sign-up's.
     */
    public void startAnonymousSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        holder.clearContext();
        request.getSession(true);
    }

    /** Keeps who passed the password step, for the second-factor page (in a fresh session, for 5 minutes). */
    public void rememberPendingSecondFactor(UserRecord user, HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(PENDING_SECOND_FACTOR, user.id().toString());
        session.setAttribute(PENDING_SINCE, clock.instant());
    }

    public java.util.Optional<String> pendingSecondFactorUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(PENDING_SECOND_FACTOR) == null) {
            return java.util.Optional.empty();
        }
        java.time.Instant since = (java.time.Instant) session.getAttribute(PENDING_SINCE);
        if (since == null || since.plusSeconds(300).isBefore(clock.instant())) {
            session.removeAttribute(PENDING_SECOND_FACTOR);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((String) session.getAttribute(PENDING_SECOND_FACTOR));
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
    }
}
