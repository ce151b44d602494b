package com.tttools.app.notifications.alerts;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code alert_firings} table: what fired, and what people did about it (acknowledged, snoozed). */
@Component
class AlertFirings {

    /** A firing as stored. */
    record Firing(UUID id, WorkspaceId workspaceId, UUID ruleId, String ruleName, String entityId, String entityName,
            String advertiserId, BigDecimal value, String message, Instant firedAt, Instant acknowledgedAt,
            Instant snoozedUntil, Instant escalatedAt) {
    }

    private static final String SELECT = """
            SELECT f.id, f.workspace_id, f.rule_id, r.name AS rule_name, f.entity_id, f.entity_name, f.advertiser_id,
                   f.value, f.message, f.fired_at, f.acknowledged_at, f.snoozed_until, f.escalated_at
            FROM alert_firings f JOIN alert_rules r ON r.id = f.rule_id AND r.workspace_id = f.workspace_id
            """;
    private final JdbcClient jdbc;

    AlertFirings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a firing unless one with the same dedup key exists; empty when it did. */
    Optional<UUID> insert(AlertRule rule, AlertConditions.Candidate c, String dedupKey, Instant now, Instant escalateAt) {
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("""
                        INSERT INTO alert_firings (id, workspace_id, rule_id, entity_id, entity_name, advertiser_id,
                            dedup_key, value, message, fired_at, escalate_at)
                        VALUES (:id, :ws, :rule, :entity, :name, :advertiser, :dedup, :value, :message, :now, :escalate)
                        ON CONFLICT ON CONSTRAINT alert_firings_dedup DO NOTHING
                        """)
                .param("id", id).param("ws", rule.workspaceId().value()).param("rule", rule.id())
                .param("entity", c.entityId()).param("name", c.entityName()).param("advertiser", c.advertiserId())
                .param("dedup", dedupKey).param("value", c.value()).param("message", c.message())
                .param("now", Timestamp.from(now)).param("escalate", escalateAt == null ? null : Timestamp.from(escalateAt))
                .update();
        return rows == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Whether the rule fired for the entity after {@code since}, or a firing of it is snoozed past {@code now}. */
    boolean quiet(WorkspaceId workspace, UUID rule, String entityId, Instant since, Instant now) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM alert_firings
                                       WHERE workspace_id = :ws AND rule_id = :rule AND entity_id = :entity
                                         AND (fired_at > :since OR snoozed_until > :now))
                        """)
                .param("ws", workspace.value()).param("rule", rule).param("entity", entityId)
                .param("since", Timestamp.from(since)).param("now", Timestamp.from(now)).query(Boolean.class).single();
    }

    Optional<Firing> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", id).query(AlertFirings::firing).optional();
    }

    List<Firing> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql(SELECT + " WHERE f.workspace_id = :ws ORDER BY f.fired_at DESC, f.id LIMIT :limit")
                .param("ws", workspace.value()).param("limit", limit).query(AlertFirings::firing).list();
    }

    boolean acknowledge(WorkspaceId workspace, UUID id, UserId by, Instant now) {
        return jdbc.sql("""
                        UPDATE alert_firings SET acknowledged_at = coalesce(acknowledged_at, :now),
                            acknowledged_by = coalesce(acknowledged_by, :by)
                        WHERE workspace_id = :ws AND id = :id
                        """)
                .param("ws", workspace.value()).param("id", id).param("by", by.value()).param("now", Timestamp.from(now))
                .update() > 0;
    }

    /** Snoozing also acknowledges: someone has seen it. */
    boolean snooze(WorkspaceId workspace, UUID id, UserId by, Instant until, Instant now) {
        return jdbc.sql("""
                        UPDATE alert_firings SET snoozed_until = :until, acknowledged_at = coalesce(acknowledged_at, :now),
                            acknowledged_by = coalesce(acknowledged_by, :by)
                        WHERE workspace_id = :ws AND id = :id
                        """)
                .param("ws", workspace.value()).param("id", id).param("by", by.value())
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(now)).update() > 0;
    }

    /** Unacknowledged firings whose escalation is due; each is marked escalated as it is returned. */
    List<Firing> takeDueEscalations(Instant now) {
        List<UUID> ids = jdbc.sql("""
                        UPDATE alert_firings SET escalated_at = :now
                        WHERE id IN (SELECT id FROM alert_firings
                                     WHERE escalated_at IS NULL AND acknowledged_at IS NULL AND escalate_at <= :now
                                     ORDER BY escalate_at LIMIT 100 FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("now", Timestamp.from(now)).query((rs, i) -> rs.getObject(1, UUID.class)).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    private static Firing firing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Firing(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getObject("rule_id", UUID.class), rs.getString("rule_name"), rs.getString("entity_id"),
                rs.getString("entity_name"), rs.getString("advertiser_id"), rs.getBigDecimal("value"),
                rs.getString("message"), rs.getTimestamp("fired_at").toInstant(), instant(rs, "acknowledged_at"),
                instant(rs, "snoozed_until"), instant(rs, "escalated_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
