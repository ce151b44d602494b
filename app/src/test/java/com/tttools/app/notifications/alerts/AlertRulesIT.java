package com.tttools.app.notifications.alerts;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.telegram.TelegramLinks;
import com.tttools.app.notifications.telegram.TelegramPolling;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.reporting.ReportEvents.ReportSyncFinished;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.FakeTelegram;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.OutboxReader;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Alert rules end to end on stored facts: the API (validation, backtest), the evaluation (once per entity and day,
 * not once per sync, cooldown), the evaluation after a finished report sync, Telegram buttons authorized by the
 * pressing user's role, and the escalation of an unacknowledged alert to e-mail.
 */
class AlertRulesIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AlertEvaluator evaluator;
    @Autowired
    OutboxReader notifications;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TelegramLinks links;
    @Autowired
    TelegramPolling polling;
    @Autowired
    AlertTasks tasks;
    @Autowired
    java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> recurring;

    Tenants tenants;
    Tenants.User owner;
    String org;
    String ws;
    AlertFacts facts;

    @BeforeEach
    void workspace() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("alerts-owner");
        org = tenants.createOrganization(owner, "Alerts org");
        ws = tenants.createWorkspace(owner, org, "Alerts ws");
        facts = new AlertFacts(jdbc, UUID.fromString(ws)).advertiser("UTC");
    }

    static Map<String, Object> spendRule(String threshold, int cooldownMinutes) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "Spend above " + threshold);
        rule.put("kind", "SPEND_TODAY");
        rule.put("level", "CAMPAIGN");
        rule.put("threshold", threshold);
        rule.put("cooldownMinutes", cooldownMinutes);
        return rule;
    }

    List<NotificationRequest> sentTo(Tenants.User user, String eventType) {
        return notifications.requests().stream()
                .filter(r -> r.recipient().equals(UserId.of(user.id())) && r.eventType().equals(eventType)).toList();
    }

    @Test
    void rulesAreCreatedReadChangedAndDeletedAndBadInputNamesEachField() {
        JsonNode created = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", spendRule("100", 60)), 201).json();
        String id = created.path("id").asString();
        assertThat(created.path("recipients")).singleElement().satisfies(r -> assertThat(r.asString()).isEqualTo(owner.id()));

        Map<String, Object> changed = spendRule("250.5", 30);
        changed.put("channels", List.of("TELEGRAM", "EMAIL"));
        changed.put("quietFrom", "22:00");
        changed.put("quietTo", "07:00");
        changed.put("quietZone", "Europe/Berlin");
        JsonNode updated = expect(owner.api().put("/api/v1/workspaces/" + ws + "/alert-rules/" + id, changed), 200).json();
        assertThat(updated.path("threshold").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(updated.path("channels").toString()).isEqualTo("[\"EMAIL\",\"TELEGRAM\"]");
        assertThat(expect(owner.api().get("/api/v1/workspaces/" + ws + "/alert-rules"), 200).json().path("items"))
                .singleElement().satisfies(r -> assertThat(r.path("quietFrom").asString()).isEqualTo("22:00"));

        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "");
        bad.put("kind", "SPEND_SOMETIME");
        bad.put("cooldownMinutes", -1);
        bad.put("channels", List.of("PIGEON"));
        bad.put("quietFrom", "25:00");
        bad.put("recipients", List.of(UUID.randomUUID().toString()));
        JsonNode problem = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", bad), 422).json();
        assertThat(problem.path("errors").findValuesAsString("field"))
                .contains("name", "kind", "threshold", "cooldownMinutes", "channels", "quietFrom");
        Map<String, Object> stranger = spendRule("1", 0);
        stranger.put("recipients", List.of(UUID.randomUUID().toString()));
        assertThat(expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", stranger), 422).json()
                .path("errors").findValuesAsString("field")).containsExactly("recipients");

        expect(owner.api().delete("/api/v1/workspaces/" + ws + "/alert-rules/" + id), 204);
        expect(owner.api().delete("/api/v1/workspaces/" + ws + "/alert-rules/" + id), 404);
        assertThat(expect(owner.api().get("/api/v1/workspaces/" + ws + "/alert-rules"), 200).json().path("items")).isEmpty();
    }

    @Test
    void theAlertsPageShowsRulesInWordsAndProblemsNextToTheirFields() {
        expect(owner.api().postForm("/workspaces/" + ws + "/alerts/rules",
                "name=Big+spend&kind=SPEND_TODAY&level=CAMPAIGN&threshold=100&cooldownMinutes=120&channels=EMAIL", true), 302);
        String page = expect(owner.api().get("/workspaces/" + ws + "/alerts"), 200).body();
        assertThat(page).contains("Big spend").contains("Spend today above 100").contains("All campaigns")
                .contains("2 h").contains("E-mail").doesNotContain("SPEND_TODAY</td>");

        String invalid = expect(owner.api().postForm("/workspaces/" + ws + "/alerts/rules",
                "name=&kind=SPEND_TODAY&level=CAMPAIGN&threshold=lots", true), 422).body();
        assertThat(invalid).contains("must be a number");
        assertThat(expect(owner.api().get("/api/v1/workspaces/" + ws + "/alert-rules"), 200).json().path("items")).hasSize(1);
    }

    @Test
    void theBacktestCountsTheLast30DaysOfStoredFactsWithTheCooldown() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        facts.campaignDay("101", today.minusDays(1), "150", 1000, 10, 1)
                .campaignDay("101", today.minusDays(2), "150", 1000, 10, 1)
                .campaignDay("101", today.minusDays(5), "150", 1000, 10, 1)
                .campaignDay("101", today.minusDays(40), "150", 1000, 10, 1)   // older than 30 days
                .campaignDay("101", today, "150", 1000, 10, 1)                 // today is not finished
                .campaignDay("102", today.minusDays(2), "50", 1000, 10, 1);

        JsonNode all = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules/backtest", spendRule("100", 0)), 200).json();
        assertThat(all.path("count").asInt()).isEqualTo(3);
        assertThat(all.path("firings").findValuesAsString("at")).containsExactly(
                today.minusDays(5).toString(), today.minusDays(2).toString(), today.minusDays(1).toString());
        assertThat(all.path("firings").get(0).path("entity").asString()).isEqualTo("101");

        JsonNode cooled = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules/backtest",
                spendRule("100", 48 * 60)), 200).json();
        assertThat(cooled.path("firings").findValuesAsString("at")).containsExactly(
                today.minusDays(5).toString(), today.minusDays(2).toString());
        assertThat(expect(owner.api().get("/api/v1/workspaces/" + ws + "/alert-rules"), 200).json().path("items")).isEmpty();
    }

    @Test
    void aRuleFiresOnceNotOncePerSyncAndNotAgainWithinItsCooldown() {
        LocalDate day1 = LocalDate.of(2026, 11, 10);
        for (int i = 0; i < 3; i++) {
            facts.campaignDay("201", day1.plusDays(i), "150", 1000, 10, 1).campaignDay("202", day1.plusDays(i), "50", 1000, 10, 1);
        }
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", spendRule("100", 48 * 60)), 201);
        WorkspaceId workspace = WorkspaceId.of(ws);
        Instant morning = day1.atTime(10, 0).toInstant(ZoneOffset.UTC);

        assertThat(evaluator.evaluate(workspace, morning)).isEqualTo(1);
        // later syncs the same day, and the next morning (within the 48 h cooldown): nothing new
        assertThat(evaluator.evaluate(workspace, morning.plus(Duration.ofMinutes(15)))).isZero();
        assertThat(evaluator.evaluate(workspace, morning.plus(Duration.ofHours(4)))).isZero();
        assertThat(evaluator.evaluate(workspace, morning.plus(Duration.ofDays(1)))).isZero();
        // the cooldown is over two days later: the rule fires again
        assertThat(evaluator.evaluate(workspace, morning.plus(Duration.ofDays(2)).plusSeconds(60))).isEqualTo(1);

        List<NotificationRequest> sent = sentTo(owner, "alert.fired");
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.workspaceId()).isEqualTo(workspace);
            assertThat(r.title()).isEqualTo("Spend above 100: Campaign 201");
            assertThat(r.body()).isEqualTo("Spend 150.00 EUR is above 100.00 EUR");
            // no channels on the rule: the recipient's preferences (e-mail by default; in-app is always written)
            assertThat(r.channels()).containsExactly(Channel.EMAIL);
            assertThat(r.actions()).extracting(NotificationAction::action).containsExactly("open", "snooze", "ack", "pause");
        });
        assertThat(sent.get(0).dedupKey()).isNotEqualTo(sent.get(1).dedupKey());
    }

    @Test
    void quietHoursHoldTheFiringBackUntilTheyEnd() {
        LocalDate day = LocalDate.of(2026, 11, 11);
        facts.campaignDay("301", day, "150", 1000, 10, 1);
        Map<String, Object> rule = spendRule("100", 60);
        rule.put("quietFrom", "20:00");
        rule.put("quietTo", "23:00");
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", rule), 201);

        assertThat(evaluator.evaluate(WorkspaceId.of(ws), day.atTime(21, 0).toInstant(ZoneOffset.UTC))).isZero();
        assertThat(evaluator.evaluate(WorkspaceId.of(ws), day.atTime(23, 15).toInstant(ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void aFinishedReportSyncEvaluatesTheWorkspacesRules() {
        facts.campaignDay("401", LocalDate.now(ZoneOffset.UTC), "500", 1000, 10, 1);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", spendRule("100", 60)), 201);

        transaction.executeWithoutResult(s -> events.publishEvent(
                new ReportSyncFinished(WorkspaceId.of(ws), UUID.randomUUID(), Instant.now())));

        await().atMost(Duration.ofSeconds(30)).until(() -> !sentTo(owner, "alert.fired").isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM alert_firings WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(ws)).query(Long.class).single()).isEqualTo(1);
    }

    /** Besides after each sync, every 15 minutes: time alone changes pacing, delivery gaps and quiet hours. */
    @Test
    void aRecurringTaskEvaluatesEveryWorkspacesRulesEveryFifteenMinutes() {
        var evaluate = recurring.stream().filter(t -> t.getName().equals(AlertTasks.EVALUATE)).findFirst().orElseThrow();
        assertThat(scheduleOf(evaluate)).isEqualTo(com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.ofMinutes(15));
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :t").param("t", AlertTasks.EVALUATE)
                .query(Long.class).single()).as("registered with the scheduler").isEqualTo(1);
        facts.campaignDay("601", LocalDate.now(ZoneOffset.UTC), "500", 1000, 10, 1);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", spendRule("100", 60)), 201);

        tasks.evaluateAll();   // what the task runs: no sync needed

        assertThat(sentTo(owner, "alert.fired")).singleElement()
                .satisfies(r -> assertThat(r.title()).isEqualTo("Spend above 100: Campaign 601"));
        tasks.evaluateAll();
        assertThat(sentTo(owner, "alert.fired")).as("evaluated again: nothing new").hasSize(1);
    }

    @Test
    void telegramButtonsActWithThePressingUsersRoleAndAnUnacknowledgedAlertEscalatesByEmail() throws Exception {
        Tenants.User analyst = tenants.member(owner, org, "alerts-analyst", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ANALYST")));
        long ownerChat = link(owner);
        long analystChat = link(analyst);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);   // escalations fall due after the real clock: the recurring task leaves them alone
        facts.campaignDay("501", day, "150", 1000, 10, 1).campaignDay("502", day, "150", 1000, 10, 1);
        Map<String, Object> rule = spendRule("100", 60);
        rule.put("recipients", List.of(owner.id(), analyst.id()));
        rule.put("channels", List.of("TELEGRAM"));
        rule.put("escalateAfterMinutes", 5);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", rule), 201);
        Instant now = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        assertThat(evaluator.evaluate(WorkspaceId.of(ws), now)).isEqualTo(2);
        List<NotificationRequest> fired = sentTo(analyst, "alert.fired");
        assertThat(fired).hasSize(2).allSatisfy(r -> assertThat(r.channels()).containsExactly(Channel.TELEGRAM));
        String first = firingOf(fired.get(0));
        String second = firingOf(fired.get(1));

        press(analystChat, "snooze:" + first);   // analysts may acknowledge, not snooze
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("Your role in this workspace does not allow that.");
        press(analystChat, "ack:" + first);
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("Acknowledged.");
        press(ownerChat, "snooze:" + second);
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("Snoozed for 24 hours.");
        press(chatNobodyLinked(), "ack:" + second);
        assertThat(FakeTelegram.shared().lastCallbackAnswer()).isEqualTo("This chat is not linked to a TTtools account.");

        Map<String, Object> firings = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE acknowledged_by = :analyst) AS acked,
                               count(*) FILTER (WHERE snoozed_until > now() + interval '23 hours') AS snoozed
                        FROM alert_firings WHERE workspace_id = :ws
                        """)
                .param("analyst", UUID.fromString(analyst.id()))
                .param("ws", UUID.fromString(ws)).query().singleRow();
        assertThat(firings).containsEntry("acked", 1L).containsEntry("snoozed", 1L);

        // a third firing nobody acknowledges escalates by e-mail once its 5 minutes are up, and only once
        facts.campaignDay("503", day, "150", 1000, 10, 1);
        assertThat(evaluator.evaluate(WorkspaceId.of(ws), now)).isEqualTo(1);
        assertThat(evaluator.escalate(now.plus(Duration.ofMinutes(4)))).isZero();
        assertThat(evaluator.escalate(now.plus(Duration.ofMinutes(6)))).isEqualTo(1);
        assertThat(evaluator.escalate(now.plus(Duration.ofMinutes(7)))).isZero();
        assertThat(sentTo(owner, "alert.escalated")).singleElement().satisfies(r -> {
            assertThat(r.channels()).containsExactly(Channel.EMAIL);
            assertThat(r.title()).isEqualTo("Not yet acknowledged: Spend above 100: Campaign 503");
        });
    }

    /** db-scheduler keeps a recurring task's schedule to itself; FixedDelay compares by its duration. */
    private static Object scheduleOf(com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?> task) {
        try {
            var field = com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class.getDeclaredField("schedule");
            field.setAccessible(true);
            return field.get(task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firingOf(NotificationRequest request) {
        return request.actions().stream().filter(a -> a.action().equals("ack")).findFirst().orElseThrow().argument();
    }

    private long link(Tenants.User user) {
        long chat = chatNobodyLinked();
        Instant now = Instant.now();
        UserId id = UserId.of(user.id());
        assertThat(links.consume(links.newCode(id, now, now.plusSeconds(600)), chat, now)).contains(id);
        return chat;
    }

    private static long chatNobodyLinked() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private void press(long chat, String data) throws Exception {
        FakeTelegram.shared().enqueueUpdate(FakeTelegram.buttonPress(chat, data));
        polling.pollOnce(Duration.ZERO);
    }
}
