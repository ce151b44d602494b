package com.tttools.app.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.SimulatorApi;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What time does to change sets: an unapproved one expires after 24 h (and can no longer be approved), and a
 * scheduled run re-reads its entities, skips a line changed by someone else since approval and applies the rest.
 */
class BulkScheduleAndExpiryIT extends SimulatedWorkspaceTest {

    @Autowired
    BulkOperations bulk;
    @Autowired
    ChangeSetClock changeSets;
    @Autowired
    JdbcClient jdbc;

    final WorkspaceId ws = WorkspaceId.of(UUID.randomUUID().toString());
    final BulkOperations.Caller author = new BulkOperations.Caller(new UserId(UUID.randomUUID()), "author@example.com",
            RequestMetadata.none());
    final BulkOperations.Caller approver = new BulkOperations.Caller(new UserId(UUID.randomUUID()), "admin@example.com",
            RequestMetadata.none());
    String token;

    @Test
    void anUnapprovedChangeSetExpiresAfter24HoursAndCannotBeApprovedThen() {
        Instant planned = Instant.now().minus(Duration.ofHours(25));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO bulk_change_sets (id, workspace_id, status, action, level, created_by, created_by_email,
                            created_at, expires_at, needs_approval)
                        VALUES (:id, :ws, 'AWAITING_APPROVAL', 'PAUSE', 'AD', :by, 'author@example.com', :at, :expires, true)""")
                .param("id", id).param("ws", ws.value()).param("by", author.userId().value())
                .param("at", java.sql.Timestamp.from(planned))
                .param("expires", java.sql.Timestamp.from(planned.plus(Duration.ofHours(24)))).update();
        assertThatThrownBy(() -> bulk.approve(approver, ws, id.toString(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");

        assertThat(changeSets.expire(planned.plus(Duration.ofHours(23)))).as("not yet").isZero();
        assertThat(changeSets.expire(planned.plus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(bulk.find(ws, id.toString()).orElseThrow().status()).isEqualTo(ChangeSetStatus.EXPIRED);
        assertThat(changeSets.expire(planned.plus(Duration.ofHours(25)))).as("once").isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_events WHERE action = 'bulk_operation.expired' AND target_id = :id""")
                .param("id", id.toString()).query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void aScheduledRunSkipsALineChangedSinceApprovalAndAppliesTheRest() {
        String advertiser = simulator().advertiserIds().get(2);
        SimulatedConnection connection = connect(ws, List.of(advertiser));
        token = connection.token().value();
        List<JsonNode> adGroups = new ArrayList<>();
        JsonNode listed = tiktok("GET", "/adgroup/get/?page_size=1000&advertiser_id=" + advertiser, null);
        listed.path("data").path("list").forEach(g -> {
            if ("BUDGET_MODE_DAY".equals(g.path("budget_mode").asString())
                    && !g.path("secondary_status").asString().contains("DELETE")) {
                adGroups.add(g);
            }
        });
        assertThat(adGroups).hasSizeGreaterThanOrEqualTo(2);
        List<JsonNode> two = adGroups.subList(0, 2);
        for (JsonNode g : two) {
            jdbc.sql("""
                            INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                                connection_id, synced_at, updated_at)
                            VALUES (:ws, 'AD_GROUP', :id, :advertiser, :name, 'ADGROUP_STATUS_DELIVERY_OK', '{}'::jsonb,
                                :connection, now(), now())""")
                    .param("ws", ws.value()).param("id", g.path("adgroup_id").asString()).param("advertiser", advertiser)
                    .param("name", g.path("adgroup_name").asString()).param("connection", connection.id()).update();
        }
        BigDecimal first = new BigDecimal(two.get(0).path("budget").asString());
        BigDecimal second = new BigDecimal(two.get(1).path("budget").asString());
        try {
            bulk.updatePolicy(approver, ws, new BulkPolicy("ALWAYS", null, null));
            Instant runAt = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            ChangeSetView plan = bulk.plan(author, ws, new PlanCommand(BulkAction.CHANGE_BUDGET, BulkLevel.ADGROUP,
                    two.stream().map(g -> g.path("adgroup_id").asString()).toList(), null,
                    new PlanCommand.Value(null, new BigDecimal("10"), null, null), runAt, null), null);
            ChangeSetView approved = bulk.approve(approver, ws, plan.id(), "for tonight");
            assertThat(approved.status()).isEqualTo(ChangeSetStatus.SCHEDULED);
            assertThat(approved.nextRunAt()).isEqualTo(runAt);
            assertThat(changeSets.startDue(runAt.minusSeconds(1))).as("not due yet").isZero();

            // someone changes the second ad group's budget at TikTok after the approval
            BigDecimal elsewhere = second.add(new BigDecimal("7"));
            tiktok("POST", "/adgroup/budget/update/", Map.of("advertiser_id", advertiser, "budget",
                    List.of(Map.of("adgroup_id", two.get(1).path("adgroup_id").asString(), "budget", elsewhere))));

            assertThat(changeSets.startDue(runAt)).isEqualTo(1);
            ChangeSetView done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> bulk.find(ws, plan.id()).orElseThrow(), cs -> cs.status().finished());
            assertThat(done.status()).isEqualTo(ChangeSetStatus.SUCCEEDED);
            assertThat(done.lines().get(0).status()).isEqualTo(LineStatus.VERIFIED);
            assertThat(done.lines().get(1).status()).isEqualTo(LineStatus.SKIPPED);
            assertThat(done.lines().get(1).note()).contains("Changed by someone else since approval");
            Map<String, BigDecimal> budgets = budgets(advertiser, two);
            assertThat(budgets.get(two.get(0).path("adgroup_id").asString()))
                    .isEqualByComparingTo(first.multiply(new BigDecimal("1.1")).setScale(2, java.math.RoundingMode.HALF_EVEN));
            assertThat(budgets.get(two.get(1).path("adgroup_id").asString())).isEqualByComparingTo(elsewhere);
        } finally {
            tiktok("POST", "/adgroup/budget/update/", Map.of("advertiser_id", advertiser, "budget", List.of(
                    Map.of("adgroup_id", two.get(0).path("adgroup_id").asString(), "budget", first),
                    Map.of("adgroup_id", two.get(1).path("adgroup_id").asString(), "budget", second))));
        }
    }

    private Map<String, BigDecimal> budgets(String advertiser, List<JsonNode> adGroups) {
        String filtering = URLEncoder.encode(ApiClient.JSON.writeValueAsString(Map.of("adgroup_ids",
                adGroups.stream().map(g -> g.path("adgroup_id").asString()).toList())), StandardCharsets.UTF_8);
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        tiktok("GET", "/adgroup/get/?advertiser_id=" + advertiser + "&filtering=" + filtering, null).path("data")
                .path("list").forEach(g -> out.put(g.path("adgroup_id").asString(),
                        new BigDecimal(g.path("budget").asString())));
        return out;
    }

    private JsonNode tiktok(String method, String path, Object body) {
        return new SimulatorApi(port, ApiClient.JSON).marketingOk(token, method, path, body);
    }
}
