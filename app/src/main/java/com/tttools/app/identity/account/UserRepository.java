package com.tttools.app.identity.account;

import com.tttools.app.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users}. Emails are matched case-insensitively through {@code email_normalized}. */
@Repository
public class UserRepository {

    /** The domain of an erased account's address: the account row stays, its personal data is a tombstone. */
    public static final String ERASED_DOMAIN = "@deleted.invalid";

    private static final String COLUMNS = """
            id, email, name, password_hash, email_verified_at, password_changed_at, created_at""";

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** False when the email is taken (the unique index decides, so two concurrent sign-ups cannot both win). */
    public boolean insert(UserId id, String email, String name, String passwordHash, Instant now) {
        int rows = jdbc.sql("""
                        INSERT INTO users (id, email, email_normalized, name, password_hash, password_changed_at,
                                           created_at, updated_at)
                        VALUES (:id, :email, :normalized, :name, :hash, :now, :now, :now)
                        ON CONFLICT (email_normalized) DO NOTHING""")
                .param("id", id.value()).param("email", email.strip()).param("normalized", normalize(email))
                .param("name", name).param("hash", passwordHash).param("now", Timestamp.from(now))
                .update();
        return rows == 1;
    }

    public Optional<UserRecord> findById(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id.value()).query(UserRepository::map).optional();
    }

    public Optional<UserRecord> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_normalized = :email")
                .param("email", normalize(email)).query(UserRepository::map).optional();
    }

    public List<UserRecord> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY(:ids)")
                .param("ids", ids.stream().map(UserId::value).toArray(UUID[]::new))
                .query(UserRepository::map).list();
    }

    /** Names of existing accounts with one; erased accounts (their address in {@link #ERASED_DOMAIN}) are left out. */
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UserId, String> names = new HashMap<>();
        jdbc.sql("""
                        SELECT id, name FROM users
                        WHERE id = ANY(:ids) AND name IS NOT NULL AND btrim(name) <> ''
                          AND email_normalized NOT LIKE :erased""")
                .param("ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new))
                .param("erased", "%" + ERASED_DOMAIN)
                .query((rs, n) -> names.put(new UserId(rs.getObject("id", UUID.class)), rs.getString("name").strip()))
                .list();
        return names;
    }

    public void updateName(UserId id, String name, Instant now) {
        jdbc.sql("UPDATE users SET name = :name, updated_at = :now WHERE id = :id")
                .param("name", name).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    public void updatePasswordHash(UserId id, String hash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, password_changed_at = :now, updated_at = :now WHERE id = :id")
                .param("hash", hash).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /** Re-hash with current parameters; leaves password_changed_at alone (the password did not change). */
    public void rehash(UserId id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("hash", hash).param("id", id.value()).update();
    }

    public void markEmailVerified(UserId id, Instant now) {
        jdbc.sql("UPDATE users SET email_verified_at = COALESCE(email_verified_at, :now), updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /** False when the new address belongs to another account by now. */
    public boolean changeEmail(UserId id, String newEmail, Instant now) {
        Integer taken = jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = :email AND id <> :id")
                .param("email", normalize(newEmail)).param("id", id.value()).query(Integer.class).single();
        if (taken > 0) {
            return false;
        }
        jdbc.sql("""
                        UPDATE users SET email = :email, email_normalized = :normalized, email_verified_at = :now,
                               updated_at = :now
                        WHERE id = :id""")
                .param("email", newEmail.strip()).param("normalized", normalize(newEmail))
                .param("now", Timestamp.from(now)).param("id", id.value()).update();
        return true;
    }

    private static UserRecord map(ResultSet rs, int row) throws SQLException {
        return new UserRecord(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), instant(rs, "email_verified_at"), instant(rs, "password_changed_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
