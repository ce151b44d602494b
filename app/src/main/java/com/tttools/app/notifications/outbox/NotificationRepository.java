package com.tttools.app.notifications.outbox;

import com.tttools.app.notifications.Channel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notifications} (what a user sees in the app) and {@code notification_preferences} tables. */
@Repository
public class NotificationRepository {

    public record StoredNotification(UUID id, UserId userId, WorkspaceId workspaceId, String eventType, String title,
            String body, String link, Instant createdAt, Instant readAt) {
    }

    public record Preference(String eventType, Set<Channel> channels, Digest digest) {
    }

    private static final String COLUMNS = "id, user_id, workspace_id, event_type, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a notification with this dedup key reached the user since {@code since}. Serialised per user and key
     * (a transaction-scoped advisory lock), so two concurrent events with the same key yield one notification.
     */
    boolean seenSince(UserId user, String dedupKey, Instant since) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .param("k", "notification|" + user.value() + "|" + dedupKey).query((rs, n) -> 1).list();
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM notifications
                                WHERE user_id = :user AND dedup_key = :key AND created_at >= :since)
                """)
                .param("user", user.value()).param("key", dedupKey).param("since", Timestamp.from(since))
                .query(Boolean.class).single();
    }

    /**
     * Stores the notification; false when the recipient's account no longer exists (erased or purged between the
     * event and its listener), which stores nothing.
     */
    boolean insert(UUID id, UserId user, WorkspaceId workspace, String eventType, String title, String body, String link,
            String dedupKey, String actionsJson, Digest digest, Instant now) {
        return jdbc.sql("""
                INSERT INTO notifications (id, user_id, workspace_id, event_type, title, body, link, dedup_key,
                    actions, digest, created_at)
                SELECT :id, :user, :ws, :type, :title, :body, :link, :dedup, CAST(:actions AS JSONB), :digest, :now
                WHERE EXISTS (SELECT 1 FROM users WHERE id = :user)
                """)
                .param("id", id).param("user", user.value()).param("ws", workspace == null ? null : workspace.value())
                .param("type", eventType).param("title", title).param("body", body).param("link", link)
                .param("dedup", dedupKey).param("actions", actionsJson).param("digest", digest.name())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    public List<StoredNotification> page(UserId user, boolean unreadOnly, Instant beforeAt, UUID beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notifications
                WHERE user_id = :user
                  AND (:unread = FALSE OR read_at IS NULL)
                  AND (CAST(:beforeAt AS TIMESTAMPTZ) IS NULL OR (created_at, id) < (:beforeAt, :beforeId))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """)
                .param("user", user.value()).param("unread", unreadOnly)
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt)).param("beforeId", beforeId)
                .param("limit", limit).query(NotificationRepository::map).list();
    }

    public long unreadCount(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", user.value()).query(Long.class).single();
    }

    /** Marks one of the user's own notifications read; false when the user has none with that id. */
    public boolean markRead(UserId user, UUID id, Instant now) {
        int found = jdbc.sql("""
                UPDATE notifications SET read_at = COALESCE(read_at, :now) WHERE id = :id AND user_id = :user
                """)
                .param("id", id).param("user", user.value()).param("now", Timestamp.from(now)).update();
        return found == 1;
    }

    public int markAllRead(UserId user, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
                .param("user", user.value()).param("now", Timestamp.from(now)).update();
    }

    public List<Preference> preferences(UserId user) {
        return jdbc.sql("SELECT event_type, channels, digest FROM notification_preferences WHERE user_id = :user")
                .param("user", user.value()).query(NotificationRepository::mapPreference).list();
    }

    public Optional<Preference> preference(UserId user, String eventType) {
        return jdbc.sql("""
                SELECT event_type, channels, digest FROM notification_preferences
                WHERE user_id = :user AND event_type = :type
                """)
                .param("user", user.value()).param("type", eventType).query(NotificationRepository::mapPreference)
                .optional();
    }

    public void savePreference(UserId user, Preference preference) {
        jdbc.sql("""
                INSERT INTO notification_preferences (user_id, event_type, channels, digest)
                VALUES (:user, :type, CAST(:channels AS TEXT[]), :digest)
                ON CONFLICT (user_id, event_type) DO UPDATE SET channels = EXCLUDED.channels, digest = EXCLUDED.digest
                """)
                .param("user", user.value()).param("type", preference.eventType())
                .param("channels", "{" + String.join(",", preference.channels().stream().map(Enum::name).sorted()
                        .toList()) + "}")
                .param("digest", preference.digest().name()).update();
    }

    /** Users with digest notifications waiting whose oldest one is older than the digest's period. */
    List<UserId> digestsDue(Digest digest, Instant olderThan) {
        return jdbc.sql("""
                SELECT user_id FROM notifications
                WHERE digest = :digest AND digested_at IS NULL
                GROUP BY user_id HAVING min(created_at) <= :before
                """)
                .param("digest", digest.name()).param("before", Timestamp.from(olderThan))
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    /** Takes the user's waiting digest notifications (marks them digested) and returns them, oldest first. */
    List<StoredNotification> takeDigest(UserId user, Digest digest, Instant now) {
        return jdbc.sql("""
                UPDATE notifications SET digested_at = :now
                WHERE user_id = :user AND digest = :digest AND digested_at IS NULL
                RETURNING """ + " " + COLUMNS)
                .param("user", user.value()).param("digest", digest.name()).param("now", Timestamp.from(now))
                .query(NotificationRepository::map).list()
                .stream().sorted(java.util.Comparator.comparing(StoredNotification::createdAt)).toList();
    }

    private static StoredNotification map(ResultSet rs, int row) throws SQLException {
        UUID ws = rs.getObject("workspace_id", UUID.class);
        Timestamp read = rs.getTimestamp("read_at");
        return new StoredNotification(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                ws == null ? null : new WorkspaceId(ws), rs.getString("event_type"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    private static Preference mapPreference(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("channels");
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Arrays.stream((String[]) array.getArray()).map(Channel::valueOf).forEach(channels::add);
        return new Preference(rs.getString("event_type"), channels, Digest.valueOf(rs.getString("digest")));
    }
}
