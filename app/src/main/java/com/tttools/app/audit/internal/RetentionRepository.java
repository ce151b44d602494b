package com.tttools.app.audit.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** audit_retention: the organizations that chose their own retention. */
@Repository
class RetentionRepository {

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> find(UUID organizationId) {
        return jdbc.sql("SELECT days FROM audit_retention WHERE organization_id = :organizationId")
                .param("organizationId", organizationId)
                .query(Integer.class)
                .optional();
    }

    void save(UUID organizationId, int days, Instant now) {
        jdbc.sql("""
                        INSERT INTO audit_retention (organization_id, days, updated_at)
                        VALUES (:organizationId, :days, :now)
                        ON CONFLICT (organization_id) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at
                        """)
                .param("organizationId", organizationId)
                .param("days", days)
                .param("now", SqlTime.of(now))
                .update();
    }

    Map<UUID, Integer> all() {
        Map<UUID, Integer> days = new HashMap<>();
        jdbc.sql("SELECT organization_id, days FROM audit_retention")
                .query(rs -> {
                    days.put(rs.getObject("organization_id", UUID.class), rs.getInt("days"));
                });
        return days;
    }
}
