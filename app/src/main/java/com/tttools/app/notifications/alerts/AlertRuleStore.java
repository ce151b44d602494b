package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.Channel;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code alert_rules} table; every statement is scoped by workspace. */
@Component
class AlertRuleStore {

    private static final String COLUMNS = """
            id, workspace_id, name, kind, level, threshold, window_days, hours, metric, advertiser_ids, campaign_ids,
            cooldown_minutes, quiet_from, quiet_to, quiet_zone, recipients, channels, escalate_after_minutes, enabled,
            created_by, created_at, updated_at""";
    private final JdbcClient jdbc;

    AlertRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> list(WorkspaceId workspace) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE workspace_id = :ws ORDER BY created_at, id")
                .param("ws", workspace.value()).query(AlertRuleStore::rule).list();
    }

    List<AlertRule> enabled(WorkspaceId workspace) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE workspace_id = :ws AND enabled ORDER BY created_at, id")
                .param("ws", workspace.value()).query(AlertRuleStore::rule).list();
    }

    Optional<AlertRule> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE workspace_id = :ws AND id = :id")
                .param("ws", workspace.value()).param("id", id).query(AlertRuleStore::rule).optional();
    }

    /** Workspaces with at least one enabled rule (for the recurring evaluation). */
    List<WorkspaceId> workspacesWithRules() {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM alert_rules WHERE enabled")
                .query((rs, i) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    void insert(AlertRule r) {
        jdbc.sql("INSERT INTO alert_rules (" + COLUMNS + """
                        ) VALUES (:id, :ws, :name, :kind, :level, :threshold, :windowDays, :hours, :metric,
                            :advertisers::text[], :campaigns::text[], :cooldown, :quietFrom, :quietTo, :quietZone,
                            :recipients::uuid[], :channels::text[], :escalate, :enabled, :createdBy, :createdAt, :updatedAt)
                        """)
                .params(params(r)).update();
    }

    boolean update(AlertRule r) {
        return jdbc.sql("""
                        UPDATE alert_rules SET name = :name, kind = :kind, level = :level, threshold = :threshold,
                            window_days = :windowDays, hours = :hours, metric = :metric, advertiser_ids = :advertisers::text[],
                            campaign_ids = :campaigns::text[], cooldown_minutes = :cooldown, quiet_from = :quietFrom,
                            quiet_to = :quietTo, quiet_zone = :quietZone, recipients = :recipients::uuid[],
                            channels = :channels::text[], escalate_after_minutes = :escalate, enabled = :enabled,
                            updated_at = :updatedAt
                        WHERE workspace_id = :ws AND id = :id
                        """)
                .params(params(r)).update() > 0;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("DELETE FROM alert_rules WHERE workspace_id = :ws AND id = :id")
                .param("ws", workspace.value()).param("id", id).update() > 0;
    }

    /** Everything of a purged workspace (its firings go with the rules). */
    void deleteWorkspace(WorkspaceId workspace) {
        jdbc.sql("DELETE FROM alert_rules WHERE workspace_id = :ws").param("ws", workspace.value()).update();
        jdbc.sql("DELETE FROM alert_delivery_watch WHERE workspace_id = :ws").param("ws", workspace.value()).update();
    }

    private static java.util.Map<String, Object> params(AlertRule r) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", r.id());
        p.put("ws", r.workspaceId().value());
        p.put("name", r.name());
        p.put("kind", r.kind().name());
        p.put("level", r.level().name());
        p.put("threshold", r.threshold());
        p.put("windowDays", r.windowDays());
        p.put("hours", r.hours());
        p.put("metric", r.metric());
        p.put("advertisers", r.advertiserIds().toArray(String[]::new));
        p.put("campaigns", r.campaignIds().toArray(String[]::new));
        p.put("cooldown", r.cooldownMinutes());
        p.put("quietFrom", r.quietFrom());
        p.put("quietTo", r.quietTo());
        p.put("quietZone", r.quietZone() == null ? null : r.quietZone().getId());
        p.put("recipients", r.recipients().stream().map(UserId::value).toArray(UUID[]::new));
        p.put("channels", r.channels().stream().map(Enum::name).sorted().toArray(String[]::new));
        p.put("escalate", r.escalateAfterMinutes());
        p.put("enabled", r.enabled());
        p.put("createdBy", r.createdBy().value());
        p.put("createdAt", Timestamp.from(r.createdAt()));
        p.put("updatedAt", Timestamp.from(r.updatedAt()));
        return p;
    }

    private static AlertRule rule(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("quiet_zone");
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Arrays.stream(strings(rs.getArray("channels"))).map(Channel::valueOf).forEach(channels::add);
        return new AlertRule(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("name"), AlertKind.valueOf(rs.getString("kind")), ReportLevel.valueOf(rs.getString("level")),
                rs.getBigDecimal("threshold"), (Integer) rs.getObject("window_days"), (Integer) rs.getObject("hours"),
                rs.getString("metric"), List.of(strings(rs.getArray("advertiser_ids"))),
                List.of(strings(rs.getArray("campaign_ids"))), rs.getInt("cooldown_minutes"),
                rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_to", LocalTime.class),
                zone == null ? null : ZoneId.of(zone),
                Arrays.stream((Object[]) rs.getArray("recipients").getArray()).map(o -> new UserId((UUID) o))
                        .collect(Collectors.toList()),
                channels, (Integer) rs.getObject("escalate_after_minutes"), rs.getBoolean("enabled"),
                new UserId(rs.getObject("created_by", UUID.class)), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
