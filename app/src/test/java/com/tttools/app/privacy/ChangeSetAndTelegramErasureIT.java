package com.tttools.app.privacy;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.telegram.TelegramLinks;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Erasing the account of a workspace admin who planned one change set, approved another, had a Telegram chat linked
 * and got notifications (in the app, by e-mail and Telegram, and an invitation mail before having an account): after
 * the grace period nothing of theirs is left in the notifications tables (their notifications, deliveries,
 * preferences and Telegram link go; other people's notifications that named their address get the tombstone), and
 * the bulk tables keep the change sets and approvals the workspace's record needs, under the tombstone.
 */
class ChangeSetAndTelegramErasureIT extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TelegramLinks links;
    @Autowired
    AccountDeletions deletions;
    @Autowired
    Clock clock;

    @Test
    void personalDataLeavesTheNotificationsAndBulkTablesAndTheRecordsTheAuditNeedsStay() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("erase-owner");
        String org = tenants.createOrganization(owner, "Erase org " + UUID.randomUUID());
        String ws = tenants.createWorkspace(owner, org, "Erase ws");
        // the invitation mail is queued to the address, without a user
        Tenants.User leaver = tenants.member(owner, org, "erase-leaver", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ADMIN")));
        Tenants.User operator = tenants.member(owner, org, "erase-operator", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "OPERATOR")));
        UUID leaverId = UUID.fromString(leaver.id());
        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Instant now = Instant.now();
        assertThat(links.consume(links.newCode(UserId.of(leaver.id()), now, now.plusSeconds(600)), chat, now)).isPresent();
        expect(leaver.api().put("/api/v1/me/notification-preferences", Map.of("items", List.of(Map.of(
                "eventType", "bulk.awaiting-approval", "channels", List.of("IN_APP", "EMAIL", "TELEGRAM"),
                "digest", "NONE")))), 200);
        String base = "/api/v1/workspaces/" + ws;
        syncedAssets(WorkspaceId.of(ws), simulator().advertiserIds().subList(1, 2));
        List<String> campaigns = enabledCampaigns(owner, base);

        // the leaver plans one change set (the owner is told, with the leaver's address) and approves another
        String planned = expect(leaver.api().post(base + "/bulk-operations", Map.of("action", "PAUSE",
                "level", "CAMPAIGN", "targets", List.of(campaigns.get(0)))), 201).json().path("id").asString();
        String approved = expect(operator.api().post(base + "/bulk-operations", Map.of("action", "PAUSE",
                "level", "CAMPAIGN", "targets", List.of(campaigns.get(1)))), 201).json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM notification_deliveries"
                + " WHERE user_id = :u AND channel = 'TELEGRAM'", leaverId) > 0);
        expect(leaver.api().post(base + "/bulk-operations/" + approved + "/approve", Map.of("comment", "ok")), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> mentions(leaver.email()) > 0);
        assertThat(count("SELECT count(*) FROM notification_deliveries WHERE user_id IS NULL AND lower(address) = lower(:e)",
                leaver.email())).as("the invitation mail").isPositive();

        expect(leaver.api().delete("/api/v1/me", Map.of("password", Users.PASSWORD)), 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND strpos(serialized_event, :u) > 0
                """, leaver.id()) == 0);
        assertThat(deletions.purgeDue(clock.instant().plus(Duration.ofDays(15)))).isGreaterThanOrEqualTo(1);

        // notifications: nothing of the leaver's, nothing naming the leaver's address or chat
        for (String table : List.of("notifications", "notification_deliveries", "notification_preferences",
                "notification_known_login_ips", "telegram_links", "telegram_link_codes")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE user_id = :u", leaverId)).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM notification_deliveries WHERE lower(address) IN (lower(:e), :chat)",
                leaver.email(), Long.toString(chat))).as("deliveries to the address or chat").isZero();
        assertThat(count("SELECT count(*) FROM telegram_links WHERE chat_id = :c", chat)).isZero();
        assertThat(mentions(leaver.email())).as("notifications naming the address").isZero();

        // bulk: both change sets and the approval stay, under the tombstone
        String tombstone = "deleted-user-" + leaver.id();
        Map<String, Object> plan = jdbc.sql("SELECT created_by, created_by_email FROM bulk_change_sets WHERE id = :id")
                .param("id", UUID.fromString(planned)).query().singleRow();
        assertThat(plan).containsEntry("created_by", leaverId).containsEntry("created_by_email", tombstone);
        Map<String, Object> approval = jdbc.sql("SELECT user_id, user_email, decision FROM bulk_approvals"
                        + " WHERE change_set_id = :id").param("id", UUID.fromString(approved)).query().singleRow();
        assertThat(approval).containsEntry("user_id", leaverId).containsEntry("user_email", tombstone);
        assertThat(count("SELECT count(*) FROM bulk_change_sets WHERE lower(created_by_email) = lower(:e)",
                leaver.email()) + count("SELECT count(*) FROM bulk_approvals WHERE lower(user_email) = lower(:e)",
                leaver.email())).isZero();
        // the workspace still shows who planned and approved, in words that name no one
        JsonNode shown = expect(owner.api().get(base + "/bulk-operations/" + approved), 200).json();
        assertThat(shown.toString()).doesNotContain(leaver.email());
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        String[] names = sql.contains(":u") ? new String[] {"u"} : sql.contains(":e") && sql.contains(":chat")
                ? new String[] {"e", "chat"} : sql.contains(":e") ? new String[] {"e"} : new String[] {"c"};
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(names[i], params[i]);
        }
        return spec.query(Long.class).single();
    }

    private long mentions(String email) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE strpos(lower(title || ' ' || body), lower(:e)) > 0")
                .param("e", email).query(Long.class).single();
    }

    private static List<String> enabledCampaigns(Tenants.User owner, String base) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : expect(owner.api().get(base + "/campaigns?limit=200"), 200).json().path("items")) {
            if ("ENABLE".equals(item.path("details").path("operationStatus").asString())
                    && !item.path("removed").asBoolean() && !item.path("status").asString().contains("DELETE")) {
                ids.add(item.path("tiktokId").asString());
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        return ids;
    }
}
