package com.tttools.app.notifications.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import com.tttools.app.reporting.internal.RollupsForTests;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stored facts for alert tests, written as the report sync leaves them (the sync itself is tested in reporting). */
record AlertFacts(JdbcClient jdbc, UUID workspace) {

    static final String ADVERTISER = "7000000000000000001";

    AlertFacts advertiser(String timezone) {
        jdbc.sql("""
                        INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                        VALUES (:ws, :adv, 'Brand', 'EUR', :tz, now())
                        """)
                .param("ws", workspace).param("adv", ADVERTISER).param("tz", timezone).update();
        return this;
    }

    AlertFacts campaignDay(String campaign, LocalDate day, String spend, long impressions, long clicks, long conversions) {
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, campaign_id,
                            entity_name, currency, spend, impressions, clicks, conversions, pulled_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :day, :adv, :c, :name, 'EUR', :spend, :imp, :clicks, :conv, now())
                        ON CONFLICT (workspace_id, level, stat_date, advertiser_id, entity_id) DO UPDATE SET
                            spend = EXCLUDED.spend, impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks,
                            conversions = EXCLUDED.conversions
                        """)
                .param("ws", workspace).param("c", campaign).param("day", day).param("adv", ADVERTISER)
                .param("name", "Campaign " + campaign).param("spend", new BigDecimal(spend)).param("imp", impressions)
                .param("clicks", clicks).param("conv", conversions).update();
        RollupsForTests.rollUp(jdbc, workspace, day, day);   // as the fact writer keeps them
        return this;
    }

    AlertFacts campaign(String campaign, boolean enabled, String dailyBudget) {
        jdbc.sql("""
                        INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                            connection_id, synced_at, updated_at)
                        VALUES (:ws, 'CAMPAIGN', :c, :adv, :name, 'CAMPAIGN_STATUS_ENABLE',
                            jsonb_build_object('operation_status', :op, 'budget_mode', 'BUDGET_MODE_DAY', 'budget', :budget),
                            :connection, now(), now())
                        """)
                .param("ws", workspace).param("c", campaign).param("adv", ADVERTISER).param("name", "Campaign " + campaign)
                .param("op", enabled ? "ENABLE" : "DISABLE").param("budget", dailyBudget)
                .param("connection", UUID.randomUUID()).update();
        return this;
    }
}
