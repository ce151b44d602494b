package com.tttools.app.notifications.alerts;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The zero-delivery rule (an enabled campaign whose impressions today have not grown for H hours; a paused one is
 * not watched) and a rule's scope (only the campaigns or advertisers it names), on stored facts and inventory.
 */
class AlertDeliveryGapAndScopeIT extends IntegrationTest {

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

    Tenants.User owner;
    String ws;
    AlertFacts facts;

    @BeforeEach
    void workspace() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("gap-owner");
        String org = tenants.createOrganization(owner, "Gap org");
        ws = tenants.createWorkspace(owner, org, "Gap ws");
        facts = new AlertFacts(jdbc, UUID.fromString(ws)).advertiser("UTC");
    }

    List<String> fired() {
        return notifications.requests().stream()
                .filter(r -> r.recipient().equals(UserId.of(owner.id())) && r.eventType().equals("alert.fired"))
                .map(NotificationRequest::title).toList();
    }

    Map<String, Object> rule(String kind, String threshold) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", kind.equals("ZERO_DELIVERY") ? "Delivery stopped" : "Spend above " + threshold);
        rule.put("kind", kind);
        rule.put("level", "CAMPAIGN");
        if (threshold != null) {
            rule.put("threshold", threshold);
        }
        rule.put("cooldownMinutes", 60);
        rule.put("channels", List.of("IN_APP"));
        return rule;
    }

    @Test
    void anEnabledCampaignWhoseImpressionsStopGrowingForTheHoursFiresAndAPausedOneDoesNot() {
        LocalDate day = LocalDate.of(2026, 11, 12);
        facts.campaign("701", true, "100").campaign("702", false, "100");
        for (String campaign : List.of("701", "702")) {
            facts.campaignDay(campaign, day.minusDays(1), "80", 1000, 10, 1).campaignDay(campaign, day, "40", 500, 5, 0);
        }
        Map<String, Object> gap = rule("ZERO_DELIVERY", null);
        gap.put("hours", 3);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", gap), 201);
        WorkspaceId workspace = WorkspaceId.of(ws);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);

        assertThat(evaluator.evaluate(workspace, nine)).isZero();                               // watching from 09:00
        assertThat(evaluator.evaluate(workspace, nine.plus(Duration.ofHours(2)))).isZero();     // 2 h without growth
        assertThat(evaluator.evaluate(workspace, nine.plus(Duration.ofMinutes(181)))).isEqualTo(1);

        assertThat(fired()).as("the paused campaign 702 is not watched").containsExactly("Delivery stopped: Campaign 701");
    }

    @Test
    void impressionsThatGrowAgainRestartTheWatch() {
        LocalDate day = LocalDate.of(2026, 11, 13);
        facts.campaign("711", true, "100").campaignDay("711", day.minusDays(1), "80", 1000, 10, 1)
                .campaignDay("711", day, "40", 500, 5, 0);
        Map<String, Object> gap = rule("ZERO_DELIVERY", null);
        gap.put("hours", 3);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", gap), 201);
        WorkspaceId workspace = WorkspaceId.of(ws);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);

        assertThat(evaluator.evaluate(workspace, nine)).isZero();
        facts.campaignDay("711", day, "60", 700, 7, 0);   // the next sync: delivery went on
        assertThat(evaluator.evaluate(workspace, nine.plus(Duration.ofHours(2)))).isZero();
        assertThat(evaluator.evaluate(workspace, nine.plus(Duration.ofMinutes(181)))).as("only 1 h since it grew").isZero();
        assertThat(evaluator.evaluate(workspace, nine.plus(Duration.ofMinutes(301)))).isEqualTo(1);
    }

    @Test
    void aRuleWatchesOnlyTheCampaignsAndAdvertisersItNames() {
        LocalDate day = LocalDate.of(2026, 11, 14);
        facts.campaignDay("801", day, "150", 1000, 10, 1).campaignDay("802", day, "150", 1000, 10, 1);
        Map<String, Object> onlyOne = rule("SPEND_TODAY", "100");
        onlyOne.put("campaignIds", List.of("801"));
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", onlyOne), 201);
        Map<String, Object> otherAdvertiser = rule("SPEND_TODAY", "100");
        otherAdvertiser.put("advertiserIds", List.of("7999999999999999999"));
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", otherAdvertiser), 201);

        assertThat(evaluator.evaluate(WorkspaceId.of(ws), day.atTime(12, 0).toInstant(ZoneOffset.UTC))).isEqualTo(1);

        assertThat(fired()).singleElement().satisfies(t -> assertThat(t).endsWith("Campaign 801"));
    }
}
