package com.tttools.app.identity.session;

import com.tttools.app.identity.account.SessionTerminator;
import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's sessions, listed and ended. Sessions are found through Spring Session's principal-name index
 * (the principal name is the user id). The id shown to users is a digest of the session id: a session id
 * is a credential and never leaves the cookie.
 */
@Component
public class UserSessions implements SessionTerminator {

    public static final String IP = "tttools.ip";
    public static final String USER_AGENT = "tttools.userAgent";
    public static final String SIGNED_IN_AT = "tttools.signedInAt";
    /** When the session's user last proved the password or second factor (sign-in or reauthentication). */
    public static final String CONFIRMED_AT = "tttools.confirmedAt";

    public record SessionView(String id, boolean current, String ip, String userAgent, Instant createdAt,
            Instant lastSeenAt) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    public UserSessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    public List<SessionView> list(UserId userId, String currentSessionId) {
        return sessionsOf(userId).values().stream()
                .map(s -> new SessionView(publicId(s.getId()), s.getId().equals(currentSessionId),
                        s.getAttribute(IP), s.getAttribute(USER_AGENT), s.getCreationTime(), s.getLastAccessedTime()))
                .sorted(Comparator.comparing(SessionView::lastSeenAt).reversed())
                .toList();
    }

    /** Ends one of the user's sessions by its public id; another user's id is simply not found. */
    public void revoke(UserId userId, String publicId) {
        String sessionId = sessionsOf(userId).keySet().stream()
                .filter(id -> publicId(id).equals(publicId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Session"));
        repository.deleteById(sessionId);
    }

    @Override
    public int endAllSessions(UserId userId, String keepSessionId) {
        int ended = 0;
        for (String id : sessionsOf(userId).keySet()) {
            if (!id.equals(keepSessionId)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    public static String publicId(String sessionId) {
        byte[] digest = Secrets.sha256("session:" + sessionId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Session> sessionsOf(UserId userId) {
        return (Map<String, Session>) repository.findByPrincipalName(userId.toString());
    }
}
