package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditErasure;
import com.tttools.app.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pseudonymises a deleted account in audit_events (the one UPDATE the erasure trigger allows, see migration
 * V2026_12_04_0701) and deletes its security events (through the purge permission).
 */
@Repository
class AuditErasureRepository implements AuditErasure {

    private final JdbcClient jdbc;
    private final PurgePermission purge;
    private final Clock clock;

    AuditErasureRepository(JdbcClient jdbc, PurgePermission purge, Clock clock) {
        this.jdbc = jdbc;
        this.purge = purge;
        this.clock = clock;
    }

    Set<UUID> erasedIn(String chain) {
        return new HashSet<>(jdbc.sql("SELECT event_id FROM audit_erasures WHERE chain = :chain")
                .param("chain", chain).query(UUID.class).list());
    }

    @Override
    @Transactional
    public int eraseUser(UserId userId, String tombstone, Collection<String> values) {
        jdbc.sql("SELECT set_config('tttools.audit_erasure', 'on', true)").query(String.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        // the user's own rows: tombstone as actor, no IP or user agent; their changes to their own account lose details
        List<Changed> changed = new java.util.ArrayList<>(jdbc.sql("""
                        UPDATE audit_events
                        SET actor_email = :tombstone, ip = NULL, user_agent = NULL,
                            details = CASE WHEN target_type = 'user' AND target_id = :userText
                                           THEN '{"erased": true}'::jsonb ELSE details END
                        WHERE actor_user_id = :user
                          AND (actor_email IS DISTINCT FROM :tombstone OR ip IS NOT NULL OR user_agent IS NOT NULL)
                        RETURNING id, chain""")
                .param("tombstone", tombstone).param("user", userId.value()).param("userText", userId.toString())
                .query((rs, n) -> new Changed(rs.getObject("id", UUID.class), rs.getString("chain"))).list());
        // the user's e-mail or name as a whole string value in anybody's event details
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            changed.addAll(jdbc.sql("""
                            UPDATE audit_events
                            SET details = replace(details::text, to_json(CAST(:value AS text))::text,
                                                  to_json(CAST(:tombstone AS text))::text)::jsonb
                            WHERE strpos(details::text, to_json(CAST(:value AS text))::text) > 0
                            RETURNING id, chain""")
                    .param("value", value).param("tombstone", tombstone)
                    .query((rs, n) -> new Changed(rs.getObject("id", UUID.class), rs.getString("chain"))).list());
        }
        for (Changed row : changed) {
            jdbc.sql("""
                            INSERT INTO audit_erasures (event_id, chain, erased_at) VALUES (:id, :chain, :now)
                            ON CONFLICT (event_id) DO NOTHING""")
                    .param("id", row.id()).param("chain", row.chain()).param("now", now).update();
        }
        purge.grant();
        jdbc.sql("DELETE FROM security_events WHERE user_id = :user").param("user", userId.value()).update();
        for (String value : values) {
            if (value != null && value.contains("@")) {
                jdbc.sql("DELETE FROM security_events WHERE lower(email) = lower(:email)")
                        .param("email", value).update();
            }
        }
        return (int) changed.stream().map(Changed::id).distinct().count();
    }

    private record Changed(UUID id, String chain) {
    }
}
