package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionTokenExpiring;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns before a TikTok-account connection's refresh token runs out (about a year after connecting): after that
 * only a new authorisation brings the connection back, so the admins are told {@link #AHEAD} in advance. Each
 * expiry date is warned about once ({@code expiry_warned_for} is set in the same transaction as the event).
 */
@Component
public class TokenExpiryWarnings {

    static final Duration AHEAD = Duration.ofDays(7);
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    TokenExpiryWarnings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Expiring(UUID id, UUID workspaceId, UUID organizationId, Instant expiresAt) {
    }

    /** Returns how many connections were warned about now. */
    @Transactional
    public int warn(Instant now) {
        List<Expiring> expiring = jdbc.sql("""
                        UPDATE tiktok_connection c SET expiry_warned_for = t.expires_at
                        FROM tiktok_token t
                        WHERE t.connection_id = c.id AND t.workspace_id = c.workspace_id AND t.kind = 'REFRESH'
                          AND t.expires_at < :before AND c.status IN ('ACTIVE', 'ERROR') AND c.suspended_at IS NULL
                          AND c.expiry_warned_for IS DISTINCT FROM t.expires_at
                        RETURNING c.id, c.workspace_id, c.organization_id, t.expires_at
                        """)
                .param("before", Timestamp.from(now.plus(AHEAD)))
                .query((rs, i) -> new Expiring(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()))
                .list();
        expiring.forEach(e -> events.publishEvent(new ConnectionTokenExpiring(e.id(), new WorkspaceId(e.workspaceId()),
                new OrganizationId(e.organizationId()), e.expiresAt(), now)));
        return expiring.size();
    }
}
