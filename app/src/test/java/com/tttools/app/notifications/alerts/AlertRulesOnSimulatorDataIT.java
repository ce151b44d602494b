package com.tttools.app.notifications.alerts;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Pacing and anomaly rules end to end on the simulator's data: the inventory and the report sync run as jobs against
 * the embedded simulator, the finished report sync evaluates the workspace's rules, and the alerts reach the
 * recipient (in the app, and by e-mail sent through the outbox). Pacing fires exactly for the enabled campaigns with
 * a daily budget that spent today (threshold 0 %); anomaly fires only for entities with enough same-weekday history.
 * A second sync of the same data fires nothing new.
 */
class AlertRulesOnSimulatorDataIT extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportSyncEvaluatesPacingAndAnomalyRulesOnTheSyncedFactsAndTheAlertsAreDelivered() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("sim-alerts");
        String org = tenants.createOrganization(owner, "Sim alerts org");
        String ws = tenants.createWorkspace(owner, org, "Sim alerts ws");
        String base = "/api/v1/workspaces/" + ws;
        WorkspaceId workspace = WorkspaceId.of(ws);
        UUID connection = syncedAssets(workspace, List.of(midDayAdvertiser(simulator())));

        String pacing = expect(owner.api().post(base + "/alert-rules", Map.of("name", "Pacing", "kind", "PACING",
                "level", "CAMPAIGN", "threshold", "0", "channels", List.of("IN_APP", "EMAIL"))), 201)
                .json().path("id").asString();
        String anomaly = expect(owner.api().post(base + "/alert-rules", Map.of("name", "Odd spend", "kind", "ANOMALY",
                "level", "CAMPAIGN", "metric", "spend", "threshold", "0.01", "channels", List.of("IN_APP", "EMAIL"))), 201)
                .json().path("id").asString();
        assertThat(count(ws, pacing) + count(ws, anomaly)).isZero();

        // the report sync (backfill of the advertiser) finishes; its event evaluates the rules
        runToSuccess(workspace, ReportSync.request(workspace, ReportSync.Payload.defaultRange(connection)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(ws, pacing) > 0 && count(ws, anomaly) > 0)
                .as(() -> "firings " + count(ws, pacing) + "/" + count(ws, anomaly) + "; facts by day: " + jdbc.sql("""
                        SELECT f.stat_date::text || ' ' || a.timezone || ' ' || count(*) || ' ' || sum(f.spend)
                        FROM report_daily_facts f
                        JOIN report_advertisers a ON a.workspace_id = f.workspace_id AND a.advertiser_id = f.advertiser_id
                        WHERE f.workspace_id = :ws AND f.level = 'CAMPAIGN' AND f.stat_date > current_date - 30
                        GROUP BY f.stat_date, a.timezone ORDER BY f.stat_date""")
                        .param("ws", UUID.fromString(ws)).query(String.class).list()).isTrue());

        // pacing: exactly the enabled daily-budget campaigns that spent today (in their advertiser's timezone)
        Set<String> spentToday = new HashSet<>(jdbc.sql("""
                        SELECT f.entity_id FROM report_daily_facts f
                        JOIN report_advertisers a ON a.workspace_id = f.workspace_id AND a.advertiser_id = f.advertiser_id
                        WHERE f.workspace_id = :ws AND f.level = 'CAMPAIGN' AND f.spend > 0
                          AND f.stat_date = (now() AT TIME ZONE a.timezone)::date
                        """).param("ws", UUID.fromString(ws)).query(String.class).list());
        Set<String> budgeted = new HashSet<>();
        for (JsonNode c : expect(owner.api().get(base + "/campaigns?limit=500"), 200).json().path("items")) {
            JsonNode d = c.path("details");
            if ("ENABLE".equals(d.path("operationStatus").asString()) && !c.path("removed").asBoolean()
                    && "BUDGET_MODE_DAY".equals(d.path("budgetMode").asString())
                    && Double.parseDouble(d.path("budget").asString("0")) > 0) {
                budgeted.add(c.path("tiktokId").asString());
            }
        }
        Set<String> expected = new HashSet<>(spentToday);
        expected.retainAll(budgeted);
        assertThat(expected).as("enabled daily-budget campaigns with spend today in the simulated world").isNotEmpty();
        assertThat(fired(ws, pacing)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(messages(ws, pacing)).allSatisfy(m -> assertThat(m).contains("% of the daily budget"));

        // anomaly: each fired campaign has at least three same-weekday days in the four weeks before
        for (String campaign : fired(ws, anomaly)) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM report_daily_facts f
                            JOIN report_advertisers a ON a.workspace_id = f.workspace_id AND a.advertiser_id = f.advertiser_id
                            WHERE f.workspace_id = :ws AND f.level = 'CAMPAIGN' AND f.entity_id = :c
                              AND f.stat_date IN ((now() AT TIME ZONE a.timezone)::date - 7, (now() AT TIME ZONE a.timezone)::date - 14,
                                                  (now() AT TIME ZONE a.timezone)::date - 21, (now() AT TIME ZONE a.timezone)::date - 28)
                            """).param("ws", UUID.fromString(ws)).param("c", campaign).query(Long.class).single())
                    .as("same-weekday history of " + campaign).isGreaterThanOrEqualTo(3);
        }
        assertThat(messages(ws, anomaly)).allSatisfy(m -> assertThat(m).contains("for this weekday"));

        // delivered: in the app, and each alert's e-mail sent by the outbox
        long firings = count(ws, pacing) + count(ws, anomaly);
        JsonNode inApp = expect(owner.api().get("/api/v1/me/notifications?limit=100"), 200).json().path("items");
        long alertsInApp = 0;
        for (JsonNode item : inApp) {
            alertsInApp += item.path("type").asString().equals("alert.fired") ? 1 : 0;
        }
        assertThat(alertsInApp).isEqualTo(firings);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
                        WHERE n.workspace_id = :ws AND n.event_type = 'alert.fired' AND d.channel = 'EMAIL'
                          AND d.status = 'SENT'
                        """).param("ws", UUID.fromString(ws)).query(Long.class).single() == firings);

        // the same data synced again: the rules fire nothing new (once per entity and day, not once per sync)
        runToSuccess(workspace, ReportSync.request(workspace, ReportSync.Payload.defaultRange(connection)));
        assertThat(count(ws, pacing) + count(ws, anomaly)).isEqualTo(firings);
    }

    /**
     * An advertiser whose own day is well under way (04:00 to 22:00 local time now, two hours before its midnight at
     * the latest): pacing and anomaly judge the advertiser's "today", which has no facts yet just after its midnight.
     * Of those, the one with the most campaigns pacing can judge (a daily budget, never paused or deleted, flight not
     * over): which advertisers are mid-day depends on the hour the suite runs, and one whose campaigns all run without
     * a daily budget fires no pacing (in the small world, between 11:00 and 12:00 UTC the only advertiser between
     * 04:00 and 20:00 was such a one).
     */
    private static String midDayAdvertiser(SimulatorControl simulator) {
        com.tttools.simulator.data.Dataset data = simulator.sim().world().data;
        com.tttools.simulator.data.Level campaign = com.tttools.simulator.data.Level.CAMPAIGN;
        long now = java.time.Instant.now().getEpochSecond();
        int[] live = new int[data.advertisers()];
        for (int c = 0; c < data.campaigns(); c++) {
            if (data.budgetMode(campaign, c).equals("BUDGET_MODE_DAY") && data.pausedAt(campaign, c) < 0
                    && data.deletedAt(campaign, c) < 0 && (data.flightEnd(c) < 0 || data.flightEnd(c) > now)) {
                live[data.advertiserOf(campaign, c)]++;
            }
        }
        List<String> ids = simulator.advertiserIds();
        int best = -1;
        for (int a = 0; a < data.advertisers(); a++) {
            int hour = java.time.ZonedDateTime.now(data.zone(a)).getHour();
            if (hour >= 4 && hour < 22 && (best < 0 || live[a] > live[best])) {
                best = a;
            }
        }
        if (best < 0 || live[best] == 0) {
            StringBuilder world = new StringBuilder();
            for (int a = 0; a < data.advertisers(); a++) {
                world.append(' ').append(data.zone(a)).append('@').append(java.time.ZonedDateTime.now(data.zone(a)).getHour())
                        .append('=').append(live[a]);
            }
            throw new AssertionError("the simulated world has no advertiser in the middle of its day with a campaign"
                    + " on a daily budget:" + world);
        }
        return ids.get(best);
    }

    private long count(String ws, String rule) {
        return jdbc.sql("SELECT count(*) FROM alert_firings WHERE workspace_id = :ws AND rule_id = :rule")
                .param("ws", UUID.fromString(ws)).param("rule", UUID.fromString(rule)).query(Long.class).single();
    }

    private List<String> fired(String ws, String rule) {
        return jdbc.sql("SELECT entity_id FROM alert_firings WHERE workspace_id = :ws AND rule_id = :rule")
                .param("ws", UUID.fromString(ws)).param("rule", UUID.fromString(rule)).query(String.class).list();
    }

    private List<String> messages(String ws, String rule) {
        return jdbc.sql("SELECT message FROM alert_firings WHERE workspace_id = :ws AND rule_id = :rule")
                .param("ws", UUID.fromString(ws)).param("rule", UUID.fromString(rule)).query(String.class).list();
    }
}
