package com.tttools.app.identity.token;

import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.AccessTokenRevoker;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.RequestMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: {@code ttt_pat_} + 32 random bytes (base64url), stored as SHA-256, shown once.
 * A revoked or expired token stops working on its next request (every request looks the hash up). Only an
 * account with a verified email address gets tokens, and a new password (reset or change) revokes them all.
 */
@Service
public class PersonalAccessTokens implements AccessTokenRevoker {

    public static final String PREFIX = "ttt_pat_";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    public record TokenView(String id, String name, boolean readOnly, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt) {
    }

    public record Created(TokenView token, String secret) {

        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    public record Holder(UserRecord user, boolean readOnly) {
    }

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final SecurityEvents securityEvents;
    private final Clock clock;

    public PersonalAccessTokens(JdbcClient jdbc, UserRepository users, SecurityEvents securityEvents, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.securityEvents = securityEvents;
        this.clock = clock;
    }

    @Transactional
    public Created create(UserId userId, String name, boolean readOnly, Instant expiresAt, RequestMetadata request) {
        Instant now = clock.instant();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new ValidationFailedException("name", "must be 1 to 100 characters long");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ValidationFailedException("expiresAt", "must be in the future");
        }
        UserRecord owner = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (!owner.emailVerified()) {
            throw new ForbiddenException("Verify your email address before creating an access token.");
        }
        String secret = PREFIX + Secrets.randomToken();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO personal_access_tokens (id, user_id, name, token_hash, read_only, created_at, expires_at)
                        VALUES (:id, :user, :name, :hash, :readOnly, :now, :expires)""")
                .param("id", id).param("user", userId.value()).param("name", name.strip())
                .param("hash", Secrets.sha256(secret)).param("readOnly", readOnly).param("now", Timestamp.from(now))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        securityEvents.publish(SecurityEventTypes.TOKEN_CREATED, userId, owner.email(),
                Map.of("tokenId", id.toString(), "name", name.strip(), "readOnly", String.valueOf(readOnly)), request);
        return new Created(new TokenView(id.toString(), name.strip(), readOnly, now, null, expiresAt), secret);
    }

    public List<TokenView> list(UserId userId) {
        return jdbc.sql("""
                        SELECT id, name, read_only, created_at, last_used_at, expires_at
                        FROM personal_access_tokens
                        WHERE user_id = :user AND revoked_at IS NULL
                        ORDER BY created_at DESC""")
                .param("user", userId.value())
                .query(PersonalAccessTokens::view).list();
    }

    @Transactional
    public void revoke(UserId userId, String tokenId, RequestMetadata request) {
        UUID id = parse(tokenId).orElseThrow(() -> new NotFoundException("Token"));
        int rows = jdbc.sql("""
                        UPDATE personal_access_tokens SET revoked_at = :now
                        WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("user", userId.value())
                .update();
        if (rows == 0) {
            throw new NotFoundException("Token");
        }
        UserRecord user = users.findById(userId).orElseThrow();
        securityEvents.publish(SecurityEventTypes.TOKEN_REVOKED, userId, user.email(), Map.of("tokenId", tokenId), request);
    }

    @Override
    @Transactional
    public int revokeAllTokens(UserId userId, String reason, RequestMetadata request) {
        int rows = jdbc.sql("""
                        UPDATE personal_access_tokens SET revoked_at = :now
                        WHERE user_id = :user AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("user", userId.value())
                .update();
        if (rows > 0) {
            UserRecord user = users.findById(userId).orElseThrow();
            securityEvents.publish(SecurityEventTypes.TOKEN_REVOKED, userId, user.email(),
                    Map.of("count", String.valueOf(rows), "reason", reason), request);
        }
        return rows;
    }

    /** The owner of a presented token, if it is live; records its use (and a first use from a new IP). */
    @Transactional
    public Optional<Holder> authenticate(String presented, RequestMetadata request) {
        String ip = request.ip();
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Row(UUID id, UUID userId, boolean readOnly, Instant lastUsedAt, String lastUsedIp) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT id, user_id, read_only, last_used_at, last_used_ip FROM personal_access_tokens
                        WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("hash", Secrets.sha256(presented)).param("now", Timestamp.from(now))
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getBoolean("read_only"), instant(rs, "last_used_at"), rs.getString("last_used_ip")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row token = row.get();
        Optional<UserRecord> user = users.findById(new UserId(token.userId()));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        boolean newIp = token.lastUsedIp() != null && !Objects.equals(token.lastUsedIp(), ip);
        if (newIp || token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.sql("UPDATE personal_access_tokens SET last_used_at = :now, last_used_ip = :ip WHERE id = :id")
                    .param("now", Timestamp.from(now)).param("ip", ip).param("id", token.id()).update();
        }
        if (newIp) {
            securityEvents.publish(SecurityEventTypes.TOKEN_USED_FROM_NEW_IP, user.get().id(), user.get().email(),
                    Map.of("tokenId", token.id().toString()), request);
        }
        return Optional.of(new Holder(user.get(), token.readOnly()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static TokenView view(ResultSet rs, int row) throws SQLException {
        return new TokenView(rs.getObject("id", UUID.class).toString(), rs.getString("name"), rs.getBoolean("read_only"),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
