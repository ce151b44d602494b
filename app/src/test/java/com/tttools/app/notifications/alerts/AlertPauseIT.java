package com.tttools.app.notifications.alerts;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.telegram.TelegramLinks;
import com.tttools.app.notifications.telegram.TelegramPolling;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.FakeTelegram;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Telegram Pause button of a campaign alert, against the fake Bot API and the embedded simulator: an analyst's
 * press is refused, an operator's press plans a change set through the bulk module (the workspace's approval
 * policy: it waits for an approver) and the bot answers with a link to it; a second press plans nothing new; once an
 * admin approves and it is applied, the campaign is paused at TikTok (verified by reading it back).
 */
class AlertPauseIT extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    TelegramLinks links;
    @Autowired
    TelegramPolling polling;

    @Test
    void thePauseButtonPlansAChangeSetUnderTheApprovalPolicyThatEndsWithTheCampaignPausedAtTikTok() throws Exception {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("pause-owner");
        String org = tenants.createOrganization(owner, "Pause org");
        String ws = tenants.createWorkspace(owner, org, "Pause ws");
        Tenants.User operator = tenants.member(owner, org, "pause-operator", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "OPERATOR")));
        Tenants.User analyst = tenants.member(owner, org, "pause-analyst", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ANALYST")));
        String base = "/api/v1/workspaces/" + ws;
        syncedAssets(WorkspaceId.of(ws), simulator().advertiserIds().subList(0, 1));
        JsonNode campaign = enabledCampaign(owner, base);
        String campaignId = campaign.path("tiktokId").asString();

        // the campaign overspends today: a campaign-level rule fires and its Telegram message carries Pause
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);   // past the real clock: the recurring tasks leave it alone
        new AlertFacts(jdbc, UUID.fromString(ws)).advertiser("UTC").campaignDay(campaignId, day, "150", 1000, 10, 1);
        long operatorChat = link(operator);
        long analystChat = link(analyst);
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "Overspend");
        rule.put("kind", "SPEND_TODAY");
        rule.put("level", "CAMPAIGN");
        rule.put("threshold", "100");
        rule.put("recipients", List.of(operator.id(), analyst.id()));
        rule.put("channels", List.of("TELEGRAM"));
        expect(owner.api().post(base + "/alert-rules", rule), 201);
        assertThat(evaluator.evaluate(WorkspaceId.of(ws), day.atTime(9, 0).toInstant(ZoneOffset.UTC))).isEqualTo(1);

        JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(() -> FakeTelegram.shared().messagesTo(operatorChat),
                m -> !m.isEmpty()).get(0);
        List<String> buttons = new ArrayList<>();
        alert.path("reply_markup").path("inline_keyboard").get(0).forEach(b -> buttons.add(b.path("callback_data").asString()));
        assertThat(buttons).hasSize(3).anySatisfy(b -> assertThat(b).startsWith("pause:"));
        String pause = buttons.stream().filter(b -> b.startsWith("pause:")).findFirst().orElseThrow();

        // an analyst may not plan changes: a clear answer and no change set
        press(analystChat, pause);
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("Your role in this workspace does not allow planning changes; "
                + "ask an operator or admin to pause it.");
        assertThat(changeSets(owner, base)).isEmpty();

        // an operator's press plans the pause as them, under the workspace policy (every change set is approved)
        int before = FakeTelegram.shared().messagesTo(operatorChat).size();
        press(operatorChat, pause);
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("Pause planned. It waits for an approver.");
        List<JsonNode> planned = changeSets(owner, base);
        assertThat(planned).singleElement().satisfies(cs -> {
            assertThat(cs.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
            assertThat(cs.path("action").asString()).isEqualTo("PAUSE");
            assertThat(cs.path("level").asString()).isEqualTo("CAMPAIGN");
            assertThat(cs.path("createdBy").asString()).isEqualTo(operator.id());
        });
        String id = planned.get(0).path("id").asString();
        List<JsonNode> replies = FakeTelegram.shared().messagesTo(operatorChat);
        assertThat(replies).hasSize(before + 1);
        assertThat(replies.get(before).path("text").asString())
                .contains("/workspaces/" + ws + "/bulk-operations/" + id).contains("waits for an approver");

        // pressed again: the same change set
        press(operatorChat, pause);
        assertThat(changeSets(owner, base)).hasSize(1);

        // nothing happened at TikTok yet; an admin approves, the operator applies, TikTok has it paused
        JsonNode plan = expect(owner.api().get(base + "/bulk-operations/" + id), 200).json();
        assertThat(plan.path("lines")).singleElement().satisfies(l -> {
            assertThat(l.path("tiktokId").asString()).isEqualTo(campaignId);
            assertThat(l.path("before").path("status").asString()).isEqualTo("ENABLE");
        });
        expect(owner.api().post(base + "/bulk-operations/" + id + "/approve", Map.of()), 200);
        expect(operator.api().post(base + "/bulk-operations/" + id + "/apply", null), 202);
        JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> expect(owner.api().get(base + "/bulk-operations/" + id), 200).json(),
                        cs -> cs.path("status").asString().matches("SUCCEEDED|PARTIALLY_SUCCEEDED|FAILED"));
        assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("counts").path("verified").asInt()).isEqualTo(1);
        assertThat(expect(owner.api().get(base + "/campaigns/" + campaign.path("id").asString()), 200).json()
                .path("details").path("operationStatus").asString()).isEqualTo("DISABLE");
    }

    private static JsonNode enabledCampaign(Tenants.User owner, String base) {
        for (JsonNode item : expect(owner.api().get(base + "/campaigns?limit=200"), 200).json().path("items")) {
            if ("ENABLE".equals(item.path("details").path("operationStatus").asString())
                    && !item.path("removed").asBoolean() && !item.path("status").asString().contains("DELETE")) {
                return item;
            }
        }
        throw new AssertionError("no enabled campaign in the simulated world");
    }

    private static List<JsonNode> changeSets(Tenants.User owner, String base) {
        List<JsonNode> out = new ArrayList<>();
        expect(owner.api().get(base + "/bulk-operations"), 200).json().path("items").forEach(out::add);
        return out;
    }

    private long link(Tenants.User user) {
        long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Instant now = Instant.now();
        UserId id = UserId.of(user.id());
        assertThat(links.consume(links.newCode(id, now, now.plusSeconds(600)), chat, now)).contains(id);
        return chat;
    }

    private void press(long chat, String data) throws Exception {
        FakeTelegram.shared().enqueueUpdate(FakeTelegram.buttonPress(chat, data));
        polling.pollOnce(Duration.ZERO);
    }
}
