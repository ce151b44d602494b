package com.tttools.app.notifications.telegram;

import com.tttools.app.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Telegram chat belongs to which user, and the one-time codes that link them. A code is 32 random bytes
 * (43 base64url characters, inside the 64 a {@code start} payload allows); only its SHA-256 is stored, it works
 * once and until it expires, and a new code replaces the user's unused ones.
 */
@Component
public class TelegramLinks {

    /** A user's link: the chat, since when, and whether the bot was blocked there. */
    public record Link(UserId userId, long chatId, Instant linkedAt, Instant disabledAt, String disabledReason) {
        public boolean active() {
            return disabledAt == null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    TelegramLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new code for the user (their earlier unused codes stop working). */
    @Transactional
    public String newCode(UserId user, Instant now, Instant expiresAt) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("DELETE FROM telegram_link_codes WHERE user_id = :user AND used_at IS NULL")
                .param("user", user.value()).update();
        jdbc.sql("""
                        INSERT INTO telegram_link_codes (code_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :user, :now, :expires)
                        """)
                .param("hash", hash(code)).param("user", user.value()).param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(expiresAt)).update();
        return code;
    }

    /**
     * Uses the code (once, before it expires) to link {@code chatId} to its user; the chat leaves any other user it
     * was linked to. Empty when the code is unknown, used or expired.
     */
    @Transactional
    public Optional<UserId> consume(String code, long chatId, Instant now) {
        Optional<UserId> user = jdbc.sql("""
                        UPDATE telegram_link_codes SET used_at = :now
                        WHERE code_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id
                        """)
                .param("hash", hash(code)).param("now", java.sql.Timestamp.from(now))
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class))).optional();
        user.ifPresent(u -> {
            jdbc.sql("DELETE FROM telegram_links WHERE chat_id = :chat AND user_id <> :user")
                    .param("chat", chatId).param("user", u.value()).update();
            jdbc.sql("""
                            INSERT INTO telegram_links (user_id, chat_id, linked_at) VALUES (:user, :chat, :now)
                            ON CONFLICT (user_id) DO UPDATE SET chat_id = EXCLUDED.chat_id, linked_at = EXCLUDED.linked_at,
                                disabled_at = NULL, disabled_reason = NULL
                            """)
                    .param("user", u.value()).param("chat", chatId).param("now", java.sql.Timestamp.from(now)).update();
        });
        return user;
    }

    public Optional<Link> find(UserId user) {
        return jdbc.sql("SELECT user_id, chat_id, linked_at, disabled_at, disabled_reason FROM telegram_links WHERE user_id = :user")
                .param("user", user.value()).query((rs, i) -> new Link(new UserId(rs.getObject(1, UUID.class)),
                        rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    /** The user whose active link is this chat. */
    public Optional<UserId> userOf(long chatId) {
        return jdbc.sql("SELECT user_id FROM telegram_links WHERE chat_id = :chat AND disabled_at IS NULL")
                .param("chat", chatId).query((rs, i) -> new UserId(rs.getObject(1, UUID.class))).optional();
    }

    /** Unlinks the user; false when nothing was linked. */
    public boolean unlink(UserId user) {
        return jdbc.sql("DELETE FROM telegram_links WHERE user_id = :user").param("user", user.value()).update() > 0;
    }

    /** Stops sending to the chat (the bot was blocked there); the users whose active link it was. */
    public List<UserId> disable(long chatId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE telegram_links SET disabled_at = :now, disabled_reason = :reason
                        WHERE chat_id = :chat AND disabled_at IS NULL RETURNING user_id
                        """)
                .param("chat", chatId).param("reason", reason).param("now", java.sql.Timestamp.from(now))
                .query((rs, i) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    /** Deletes expired and used codes; returns how many. */
    public int purgeCodes(Instant now) {
        return jdbc.sql("DELETE FROM telegram_link_codes WHERE expires_at <= :now OR used_at IS NOT NULL")
                .param("now", java.sql.Timestamp.from(now)).update();
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
