package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OAuth {@code state} of connect flows: 256 random bits handed to TikTok, of which only the SHA-256 is kept,
 * bound to user, session and workspace, valid 10 minutes and usable once.
 */
@Component
class OAuthStates {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    OAuthStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Why a presented state is not accepted; each reads as its own message on the callback page. */
    enum Rejection { MISSING, UNKNOWN, USED, EXPIRED, FOREIGN }

    record Accepted(WorkspaceId workspaceId) {
    }

    /** Either {@code accepted} or {@code rejection} is set. */
    record Outcome(Accepted accepted, Rejection rejection) {
    }

    String issue(UserId userId, String sessionId, WorkspaceId workspaceId, Instant now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                        INSERT INTO tiktok_oauth_state (state_hash, user_id, session_hash, workspace_id, created_at,
                            expires_at)
                        VALUES (:hash, :userId, :sessionHash, :workspaceId, :now, :expiresAt)""")
                .param("hash", sha256(state))
                .param("userId", userId.value())
                .param("sessionHash", sessionId == null ? null : sha256(sessionId))
                .param("workspaceId", workspaceId.value())
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(now.plus(VALIDITY)))
                .update();
        return state;
    }

    /**
     * Uses the state up whoever presents it (a foreign or late presentation burns it too, so a leaked state
     * cannot be tried again), then says whether this caller may go on. Runs in its own statement, so the use
     * sticks even when the rest of the callback fails.
     */
    Outcome consume(String state, UserId userId, String sessionId, Instant now) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return new Outcome(null, Rejection.MISSING);
        }
        byte[] hash = sha256(state);
        Optional<Stored> stored = jdbc.sql("""
                        UPDATE tiktok_oauth_state SET used_at = :now
                        WHERE state_hash = :hash AND used_at IS NULL
                        RETURNING user_id, session_hash, workspace_id, expires_at""")
                .param("now", Timestamp.from(now))
                .param("hash", hash)
                .query((rs, n) -> new Stored(rs.getObject("user_id", UUID.class), rs.getBytes("session_hash"),
                        rs.getObject("workspace_id", UUID.class), rs.getTimestamp("expires_at").toInstant()))
                .optional();
        if (stored.isEmpty()) {
            boolean known = jdbc.sql("SELECT count(*) FROM tiktok_oauth_state WHERE state_hash = :hash")
                    .param("hash", hash).query(Long.class).single() > 0;
            return new Outcome(null, known ? Rejection.USED : Rejection.UNKNOWN);
        }
        Stored s = stored.get();
        if (!now.isBefore(s.expiresAt())) {
            return new Outcome(null, Rejection.EXPIRED);
        }
        boolean sameUser = s.userId().equals(userId.value());
        // Started with a personal access token there is no session to bind; the user still has to match.
        boolean sameSession = s.sessionHash() == null
                || (sessionId != null && MessageDigest.isEqual(s.sessionHash(), sha256(sessionId)));
        if (!sameUser || !sameSession) {
            return new Outcome(null, Rejection.FOREIGN);
        }
        return new Outcome(new Accepted(new WorkspaceId(s.workspaceId())), null);
    }

    /** States are useless after 10 minutes; keep a day for support questions, then drop them. */
    int purge(Instant now) {
        return jdbc.sql("DELETE FROM tiktok_oauth_state WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }

    private record Stored(UUID userId, byte[] sessionHash, UUID workspaceId, Instant expiresAt) {
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
