package com.tttools.app.identity.web;

import com.tttools.app.identity.AccountLifecycle;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.identity.session.UserSessions;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identity's side of account export and deletion (the privacy module drives both). */
@Service
class AccountLifecycleFacade implements AccountLifecycle {

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final UserSessions sessions;
    private final SecurityEvents securityEvents;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountLifecycleFacade(JdbcClient jdbc, UserRepository users, UserSessions sessions, SecurityEvents securityEvents,
            PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.sessions = sessions;
        this.securityEvents = securityEvents;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public List<SessionMetadata> sessions(UserId userId) {
        return sessions.list(userId, null).stream()
                .map(s -> new SessionMetadata(s.ip(), s.userAgent(), s.createdAt(), s.lastSeenAt()))
                .toList();
    }

    @Override
    @Transactional
    public void endAllAccess(UserId userId, RequestMetadata request) {
        int ended = sessions.endAllSessions(userId, null);
        int revoked = jdbc.sql("""
                        UPDATE personal_access_tokens SET revoked_at = :now
                        WHERE user_id = :user AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("user", userId.value()).update();
        users.findById(userId).ifPresent(user -> securityEvents.publish(SecurityEventTypes.SESSION_REVOKED, userId,
                user.email(), Map.of("count", String.valueOf(ended), "tokensRevoked", String.valueOf(revoked),
                        "reason", "account-deletion"), request));
    }

    @Override
    @Transactional
    public void erase(UserId userId, String tombstone) {
        sessions.endAllSessions(userId, null);
        String email = tombstone + UserRepository.ERASED_DOMAIN;
        jdbc.sql("""
                        UPDATE users SET email = :email, email_normalized = :email, name = :name, password_hash = :hash,
                               updated_at = :now
                        WHERE id = :id AND email <> :email""")
                .param("email", email).param("name", tombstone)
                .param("hash", encoder.encode(Secrets.randomToken()))
                .param("now", Timestamp.from(clock.instant())).param("id", userId.value()).update();
        for (String table : List.of("personal_access_tokens", "user_two_factor", "user_recovery_codes",
                "user_email_tokens")) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :id").param("id", userId.value()).update();
        }
    }
}
