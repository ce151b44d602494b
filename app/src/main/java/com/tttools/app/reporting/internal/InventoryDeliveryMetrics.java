package com.tttools.app.reporting.internal;

import com.tttools.app.inventory.DeliveryMetrics;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reporting's side of inventory's {@link DeliveryMetrics} port: sums of the stored daily facts per entity, one
 * statement per call, on the facts' primary key range (workspace, level, days).
 */
@Component
class InventoryDeliveryMetrics implements DeliveryMetrics {

    /** Each sort key's SQL over the grouped facts; ratios are NULL without a base (they sort after the rest). */
    private static final Map<String, String> ORDER = Map.of(
            "spend", "sum(spend)",
            "impressions", "sum(impressions)",
            "clicks", "sum(clicks)",
            "conversions", "sum(conversions)",
            "ctr", "sum(clicks)::numeric * 100 / nullif(sum(impressions), 0)",
            "cpc", "sum(spend) / nullif(sum(clicks), 0)",
            "cpa", "sum(spend) / nullif(sum(conversions), 0)");

    private final JdbcClient jdbc;

    InventoryDeliveryMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Delivery> of(WorkspaceId workspaceId, EntityKind kind, LocalDate from, LocalDate to,
            Collection<String> tiktokIds) {
        Map<String, Delivery> out = new LinkedHashMap<>();
        ReportLevel level = level(kind);
        if (level == null || tiktokIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT entity_id, min(currency) AS currency, sum(spend) AS spend, sum(impressions) AS impressions,
                               sum(clicks) AS clicks, sum(conversions) AS conversions
                        FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN :from AND :to
                          AND entity_id = ANY(:ids)
                        GROUP BY entity_id""")
                .param("ws", workspaceId.value()).param("level", level.name()).param("from", from).param("to", to)
                .param("ids", tiktokIds.toArray(String[]::new))
                .query((rs, n) -> out.put(rs.getString("entity_id"), new Delivery(rs.getString("currency"),
                        rs.getBigDecimal("spend"), rs.getLong("impressions"), rs.getLong("clicks"),
                        rs.getLong("conversions"))))
                .list();
        return out;
    }

    @Override
    public List<String> ranking(WorkspaceId workspaceId, EntityKind kind, LocalDate from, LocalDate to, String metric,
            boolean descending) {
        ReportLevel level = level(kind);
        String order = ORDER.get(metric);
        if (level == null || order == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT entity_id FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN :from AND :to
                        GROUP BY entity_id
                        ORDER BY %s %s NULLS LAST, entity_id""".formatted(order, descending ? "DESC" : "ASC"))
                .param("ws", workspaceId.value()).param("level", level.name()).param("from", from).param("to", to)
                .query(String.class)
                .list();
    }

    private static ReportLevel level(EntityKind kind) {
        return switch (kind) {
            case CAMPAIGN -> ReportLevel.CAMPAIGN;
            case AD_GROUP -> ReportLevel.ADGROUP;
            case AD -> ReportLevel.AD;
            default -> null;
        };
    }
}
