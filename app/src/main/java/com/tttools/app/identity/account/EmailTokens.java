package com.tttools.app.identity.account;

import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use tokens for emailed links. The raw token (32 random bytes) only exists in the email; the table
 * keeps its SHA-256. Consuming is one UPDATE ... RETURNING, so a link cannot be used twice even concurrently.
 */
@Repository
public class EmailTokens {

    public record Consumed(UserId userId, String newEmail) {
    }

    private final JdbcClient jdbc;

    public EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new token; earlier unused tokens of the same purpose for the user stop working. */
    public String issue(UserId userId, EmailTokenPurpose purpose, String newEmail, Instant now) {
        jdbc.sql("UPDATE user_email_tokens SET used_at = :now WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId.value()).param("purpose", purpose.name())
                .update();
        String raw = Secrets.randomToken();
        jdbc.sql("""
                        INSERT INTO user_email_tokens (id, user_id, purpose, token_hash, new_email, created_at, expires_at)
                        VALUES (:id, :user, :purpose, :hash, :newEmail, :now, :expires)""")
                .param("id", UUID.randomUUID()).param("user", userId.value()).param("purpose", purpose.name())
                .param("hash", Secrets.sha256(raw)).param("newEmail", newEmail)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(purpose.validity())))
                .update();
        return raw;
    }

    /**
     * The work of {@link #issue} for an address without an account, so that a reset request costs the same
     * either way: the same UPDATE (it matches no row), a token generated and hashed like a real one and a second
     * statement on the table in place of the INSERT (a look-up of that hash). Nothing is stored; the returned
     * token works nowhere.
     */
    public String issueForNobody(EmailTokenPurpose purpose, Instant now) {
        jdbc.sql("UPDATE user_email_tokens SET used_at = :now WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", UUID.randomUUID()).param("purpose", purpose.name())
                .update();
        String raw = Secrets.randomToken();
        jdbc.sql("SELECT count(*) FROM user_email_tokens WHERE token_hash = :hash")
                .param("hash", Secrets.sha256(raw)).query(Long.class).single();
        return raw;
    }

    /** Whether {@link #consume} would accept the token now, without using it (to show a form or say why not). */
    public boolean isUsable(String raw, EmailTokenPurpose purpose, Instant now) {
        if (raw == null || raw.isBlank() || raw.length() > 128) {
            return false;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM user_email_tokens
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("now", Timestamp.from(now)).param("hash", Secrets.sha256(raw)).param("purpose", purpose.name())
                .query(Long.class).single() > 0;
    }

    /** Why a link does or does not work now. */
    public enum LinkState { USABLE, USED, EXPIRED, UNKNOWN }

    /**
     * The state of a link's token: usable, already used (or replaced by a newer link, which marks it used),
     * expired, or unknown (never issued, mistyped, or of another purpose).
     */
    public LinkState state(String raw, EmailTokenPurpose purpose, Instant now) {
        if (raw == null || raw.isBlank() || raw.length() > 128) {
            return LinkState.UNKNOWN;
        }
        return jdbc.sql("""
                        SELECT CASE WHEN used_at IS NOT NULL THEN 'USED' WHEN expires_at <= :now THEN 'EXPIRED'
                                    ELSE 'USABLE' END
                        FROM user_email_tokens WHERE token_hash = :hash AND purpose = :purpose""")
                .param("now", Timestamp.from(now)).param("hash", Secrets.sha256(raw)).param("purpose", purpose.name())
                .query(String.class).optional().map(LinkState::valueOf).orElse(LinkState.UNKNOWN);
    }

    /** Marks the token used and returns whose it was; empty when unknown, used, expired or of another purpose. */
    public Optional<Consumed> consume(String raw, EmailTokenPurpose purpose, Instant now) {
        if (raw == null || raw.isBlank() || raw.length() > 128) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE user_email_tokens SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id, new_email""")
                .param("now", Timestamp.from(now)).param("hash", Secrets.sha256(raw)).param("purpose", purpose.name())
                .query((rs, i) -> new Consumed(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("new_email")))
                .optional();
    }
}
