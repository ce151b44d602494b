package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.DailyFacts;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.shared.WorkspaceId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts alert rules watch, read by workspace on the facts' primary key range (workspace, level, days).
 */
@Component
class DailyFactsStore implements DailyFacts {

    private final JdbcClient jdbc;

    DailyFactsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DailyFact> daily(WorkspaceId workspaceId, ReportLevel level, LocalDate from, LocalDate to,
            Collection<String> advertiserIds, Collection<String> campaignIds) {
        return jdbc.sql("""
                        SELECT advertiser_id, entity_id, entity_name, stat_date, currency, spend, impressions, clicks,
                               conversions
                        FROM report_daily_facts
                        WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN :from AND :to
                          AND (cardinality(:advertisers::text[]) = 0 OR advertiser_id = ANY(:advertisers::text[]))
                          AND (cardinality(:campaigns::text[]) = 0 OR campaign_id = ANY(:campaigns::text[])
                               OR (level = 'CAMPAIGN' AND entity_id = ANY(:campaigns::text[])))
                        ORDER BY stat_date, advertiser_id, entity_id
                        """)
                .param("ws", workspaceId.value()).param("level", level.name()).param("from", from).param("to", to)
                .param("advertisers", advertiserIds.toArray(String[]::new))
                .param("campaigns", campaignIds.toArray(String[]::new))
                .query((rs, i) -> new DailyFact(rs.getString("advertiser_id"), rs.getString("entity_id"),
                        rs.getString("entity_name"), rs.getObject("stat_date", LocalDate.class), rs.getString("currency"),
                        rs.getBigDecimal("spend"), rs.getLong("impressions"), rs.getLong("clicks"),
                        rs.getLong("conversions")))
                .list();
    }

    @Override
    public Map<String, ZoneId> advertiserZones(WorkspaceId workspaceId) {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        jdbc.sql("SELECT advertiser_id, timezone FROM report_advertisers WHERE workspace_id = :ws ORDER BY advertiser_id")
                .param("ws", workspaceId.value())
                .query((rs, i) -> zones.put(rs.getString(1), Timezones.zoneOrUtc(rs.getString(2))))
                .list();
        return zones;
    }
}
