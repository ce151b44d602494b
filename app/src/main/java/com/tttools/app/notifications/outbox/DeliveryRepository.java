package com.tttools.app.notifications.outbox;

import com.tttools.app.notifications.Channel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_deliveries} table: one row per message on one channel, and its fate. */
@Repository
public class DeliveryRepository {

    /** A delivery as the sending task needs it. Content is sealed (transactional mail) or null (notifications). */
    public record Delivery(UUID id, UUID notificationId, UserId userId, WorkspaceId workspaceId, Channel channel,
            String address, String template, String subject, String contentKeyId, byte[] contentNonce, byte[] content,
            DeliveryStatus status, String provider, String providerMessageId, int attempts, String lastError,
            Instant createdAt) {
    }

    public record NewDelivery(UUID id, UUID notificationId, UserId userId, WorkspaceId workspaceId, Channel channel,
            String address, String template, String subject, String contentKeyId, byte[] contentNonce,
            byte[] content) {
    }

    private static final String COLUMNS = """
            id, notification_id, user_id, workspace_id, channel, address, template, subject, content_key_id,
            content_nonce, content, status, provider, provider_message_id, attempts, last_error, created_at""";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    DeliveryRepository(JdbcClient jdbc, MeterRegistry meters) {
        this.meters = meters;
        // across workspaces by design (an operator's view); the partial index on QUEUED rows keeps it cheap
        Gauge.builder("tttools.notifications.queued", this, DeliveryRepository::backlog)
                .description("Notification deliveries waiting to be sent (or retried)").register(meters);
        this.jdbc = jdbc;
    }

    void insert(NewDelivery d, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_deliveries (id, notification_id, user_id, workspace_id, channel, address,
                    template, subject, content_key_id, content_nonce, content, status, created_at, updated_at)
                VALUES (:id, :notificationId, :userId, :workspaceId, :channel, :address, :template, :subject,
                    :keyId, :nonce, :content, 'QUEUED', :now, :now)
                """)
                .param("id", d.id()).param("notificationId", d.notificationId())
                .param("userId", d.userId() == null ? null : d.userId().value())
                .param("workspaceId", d.workspaceId() == null ? null : d.workspaceId().value())
                .param("channel", d.channel().name()).param("address", d.address()).param("template", d.template())
                .param("subject", d.subject()).param("keyId", d.contentKeyId()).param("nonce", d.contentNonce())
                .param("content", d.content()).param("now", Timestamp.from(now))
                .update();
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries WHERE id = :id")
                .param("id", id).query(DeliveryRepository::map).optional();
    }

    /** Records one more attempt that will be retried. */
    void retryLater(UUID id, String error, Instant next, Instant now) {
        int changed = jdbc.sql("""
                UPDATE notification_deliveries SET attempts = attempts + 1, last_error = :error,
                    next_attempt_at = :next, updated_at = :now
                WHERE id = :id AND status = 'QUEUED'
                """)
                .param("id", id).param("error", truncate(error)).param("next", Timestamp.from(next))
                .param("now", Timestamp.from(now)).update();
        counted("retry", changed);
    }

    /** The send succeeded: the sealed content is dropped (it may hold single-use links). */
    void sent(UUID id, String address, String provider, String providerMessageId, Instant now) {
        int changed = jdbc.sql("""
                UPDATE notification_deliveries SET status = 'SENT', attempts = attempts + 1, provider = :provider,
                    address = COALESCE(address, :address),
                    provider_message_id = :messageId, next_attempt_at = NULL, content = NULL, content_nonce = NULL,
                    content_key_id = NULL, updated_at = :now
                WHERE id = :id AND status = 'QUEUED'
                """)
                .param("id", id).param("provider", provider).param("messageId", providerMessageId)
                .param("address", address).param("now", Timestamp.from(now)).update();
        counted("sent", changed);
    }

    /** Given up: not retryable, or out of attempts. {@code attempted} is false when nothing was tried. */
    void failed(UUID id, String error, boolean attempted, Instant now) {
        int changed = jdbc.sql("""
                UPDATE notification_deliveries SET status = 'FAILED', attempts = attempts + :add,
                    last_error = :error, next_attempt_at = NULL, content = NULL, content_nonce = NULL,
                    content_key_id = NULL, updated_at = :now
                WHERE id = :id AND status = 'QUEUED'
                """)
                .param("id", id).param("add", attempted ? 1 : 0).param("error", truncate(error))
                .param("now", Timestamp.from(now)).update();
        counted("failed", changed);
    }

    /**
     * An admin's retry of a FAILED notification delivery of the workspace: queued again with a fresh count of
     * attempts. Transactional mail cannot be retried (its sealed content was dropped when it failed; the user asks
     * for a new link instead). Returns whether it was re-queued.
     */
    boolean requeue(WorkspaceId workspaceId, UUID id, Instant now) {
        int changed = jdbc.sql("""
                UPDATE notification_deliveries SET status = 'QUEUED', attempts = 0, next_attempt_at = NULL,
                    updated_at = :now
                WHERE id = :id AND workspace_id = :ws AND status = 'FAILED' AND notification_id IS NOT NULL
                """)
                .param("id", id).param("ws", workspaceId.value()).param("now", Timestamp.from(now)).update();
        counted("requeued", changed);
        return changed == 1;
    }

    /** The delivery if it belongs to the workspace. */
    public Optional<Delivery> find(WorkspaceId workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries WHERE id = :id AND workspace_id = :ws")
                .param("id", id).param("ws", workspaceId.value()).query(DeliveryRepository::map).optional();
    }

    /** A provider's webhook: SENT (or DELIVERED) moves on to DELIVERED or BOUNCED; returns rows changed. */
    public int providerStatus(String provider, String providerMessageId, DeliveryStatus status, String detail,
            Instant now) {
        int changed = jdbc.sql("""
                UPDATE notification_deliveries SET status = :status,
                    last_error = COALESCE(:detail, last_error), updated_at = :now
                WHERE provider = :provider AND provider_message_id = :messageId
                  AND status IN ('SENT', 'DELIVERED', 'QUEUED')
                """)
                .param("status", status.name()).param("detail", truncate(detail)).param("provider", provider)
                .param("messageId", providerMessageId).param("now", Timestamp.from(now)).update();
        counted(status.name().toLowerCase(), changed);
        return changed;
    }

    /**
     * {@code tttools_notifications_deliveries_total{status}}: deliveries this node moved to a status (rows actually
     * changed, so a delivery that failed for good counts once under {@code failed}: alert on its rate).
     */
    private void counted(String status, int deliveries) {
        Counter.builder("tttools.notifications.deliveries")
                .description("Notification deliveries this node moved to a status (sent, retry, failed, requeued, delivered, bounced)")
                .tag("status", status).register(meters).increment(deliveries);
    }

    /** A workspace's delivery log, newest first, after the cursor's (createdAt, id). */
    public List<Delivery> page(WorkspaceId workspaceId, DeliveryStatus status, Channel channel, Instant beforeAt,
            UUID beforeId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification_deliveries
                WHERE workspace_id = :workspaceId
                  AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                  AND (CAST(:channel AS TEXT) IS NULL OR channel = :channel)
                  AND (CAST(:beforeAt AS TIMESTAMPTZ) IS NULL OR (created_at, id) < (:beforeAt, :beforeId))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """)
                .param("workspaceId", workspaceId.value()).param("status", status == null ? null : status.name())
                .param("channel", channel == null ? null : channel.name())
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt)).param("beforeId", beforeId)
                .param("limit", limit).query(DeliveryRepository::map).list();
    }

    /** Deliveries of a workspace still waiting to go out (an outage shows up here). */
    public long backlog(WorkspaceId workspaceId) {
        return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE workspace_id = :ws AND status = 'QUEUED'")
                .param("ws", workspaceId.value()).query(Long.class).single();
    }

    /** Every delivery still waiting to go out, installation-wide. */
    public long backlog() {
        return jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE status = 'QUEUED'").query(Long.class).single();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        UUID user = rs.getObject("user_id", UUID.class);
        UUID workspace = rs.getObject("workspace_id", UUID.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                user == null ? null : new UserId(user), workspace == null ? null : new WorkspaceId(workspace),
                Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("template"),
                rs.getString("subject"), rs.getString("content_key_id"), rs.getBytes("content_nonce"),
                rs.getBytes("content"), DeliveryStatus.valueOf(rs.getString("status")), rs.getString("provider"),
                rs.getString("provider_message_id"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant());
    }
}
