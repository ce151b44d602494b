package com.tttools.app.bulk;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Change sets end to end against the embedded simulator: plan (before values read from TikTok), approval by another
 * admin, apply in chunks of at most 20 ids, verify, revert; TikTok's answers (retryable faults, a 40002 on one
 * chunk) and the simulator's state checked at each step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkOperationsEndToEndIT extends BulkTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** Ads this test paused at the simulator that must be enabled again afterwards, by advertiser. */
    final Map<String, List<String>> toRestore = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        mediumWorld();
        syncedWorkspace("bulk-e2e", 3, 2);
    }

    @AfterEach
    void restoreSimulator() {
        simulator().clearFaults();
        Set<String> putBack = new java.util.HashSet<>();
        toRestore.forEach((advertiser, ids) -> {
            List<String> paused = simulatorStatus("ad", advertiser, ids).entrySet().stream()
                    .filter(e -> e.getValue().equals("DISABLE")).map(Map.Entry::getKey).toList();
            if (!paused.isEmpty()) {
                simulatorSetStatus("ad", advertiser, paused, "ENABLE");
                putBack.add(advertiser);
            }
        });
        toRestore.clear();
        // a test that failed half-way left its ads paused in the inventory too: sync it, so the next test finds them
        if (!putBack.isEmpty()) {
            resync();
        }
    }

    private List<JsonNode> enabledAds(int n) {
        List<JsonNode> ads = enabled("ads");
        assertThat(ads).as("enabled ads in the simulated world").hasSizeGreaterThanOrEqualTo(n);
        List<JsonNode> picked = ads.subList(0, n);
        picked.forEach(ad -> toRestore.computeIfAbsent(ad.path("advertiserId").asString(), k -> new ArrayList<>())
                .add(ad.path("tiktokId").asString()));
        return picked;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("tiktokId").asString()).toList();
    }

    private Map<String, List<String>> byAdvertiser(List<JsonNode> items) {
        return items.stream().collect(Collectors.groupingBy(i -> i.path("advertiserId").asString(),
                LinkedHashMap::new, Collectors.mapping(i -> i.path("tiktokId").asString(), Collectors.toList())));
    }

    private void assertSimulatorStatus(Map<String, List<String>> ads, String status) {
        ads.forEach((advertiser, ids) -> assertThat(simulatorStatus("ad", advertiser, ids).values())
                .as("ads of advertiser " + advertiser).hasSize(ids.size()).containsOnly(status));
    }

    /** Whether the user's in-app notifications hold one of this type linking to that page. */
    private static boolean inApp(com.tttools.app.support.Tenants.User user, String type, String link) {
        JsonNode items = expect(user.api().get("/api/v1/me/notifications?limit=100"), 200).json().path("items");
        for (JsonNode item : items) {
            if (item.path("type").asString().equals(type) && item.path("link").asString().equals(link)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPausePlanOf150AdsIsApprovedAppliedInChunksVerifiedAndReverted() {
        List<JsonNode> ads = enabledAds(150);
        Map<String, List<String>> byAdvertiser = byAdvertiser(ads);
        Map<String, Object> body = Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads));

        // plan: nothing written, before values read from TikTok, approval needed under the default policy
        JsonNode plan = expect(plan(operator, body, "e2e-pause-1"), 201).json();
        assertThat(plan.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(plan.path("lines")).hasSize(150);
        plan.path("lines").forEach(line -> {
            assertThat(line.path("before").path("status").asString()).isEqualTo("ENABLE");
            assertThat(line.path("after").path("status").asString()).isEqualTo("DISABLE");
            assertThat(line.path("status").asString()).as(line.toString()).isEqualTo("PENDING");
        });
        assertSimulatorStatus(byAdvertiser, "ENABLE");
        String id = plan.path("id").asString();
        assertThat(expect(plan(operator, body, "e2e-pause-1"), 201).json().path("id").asString())
                .as("same Idempotency-Key, same plan").isEqualTo(id);

        // the approvers hear of it in the app (the owner), the author does not
        String link = "/workspaces/" + ws + "/bulk-operations/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> inApp(owner, "bulk.awaiting-approval", link));
        assertThat(inApp(operator, "bulk.awaiting-approval", link)).isFalse();

        // two-person rule: the author cannot approve, an operator cannot either; nothing applies before approval
        expect(operator.api().post(base + "/bulk-operations/" + id + "/approve", Map.of()), 403);
        expect(operator.api().post(base + "/bulk-operations/" + id + "/apply", null), 409);
        JsonNode approved = expect(owner.api().post(base + "/bulk-operations/" + id + "/approve",
                Map.of("comment", "Looks right")), 200).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvals").get(0).path("comment").asString()).isEqualTo("Looks right");

        // apply: chunks of at most 20 ids per advertiser
        simulator().sim().stats.clear();
        String jobId = expect(operator.api().post(base + "/bulk-operations/" + id + "/apply", null), 202).json()
                .path("jobId").asString();
        assertThat(jobId).isNotBlank();
        JsonNode applied = awaitFinished(id);
        assertThat(applied.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(applied.path("counts").path("verified").asInt()).isEqualTo(150);
        long expectedCalls = byAdvertiser.values().stream().mapToLong(l -> (l.size() + 19) / 20).sum();
        assertThat(simulatorApi().acceptedWrites("/ad/status/update/", ids(ads))).isEqualTo(expectedCalls);
        // the calls naming this test's ads: a per-path maximum would count other tests' writes too
        assertThat(simulatorApi().writesNaming("/ad/status/update/", ids(ads)))
                .extracting(w -> w.path("ids").size()).contains(20).allMatch(n -> n <= 20);
        assertThat(ids(ads)).allSatisfy(ad -> assertThat(simulatorApi().timesApplied(ad)).as(ad).isEqualTo(1));
        assertSimulatorStatus(byAdvertiser, "DISABLE");
        // the author hears that it was approved and how it ended
        await().atMost(Duration.ofSeconds(30)).until(() -> inApp(operator, "bulk.approved", link)
                && inApp(operator, "bulk.finished", link));
        // the inventory shows it without waiting for a sync
        JsonNode inventoryAd = expect(owner.api().get(base + "/ads/" + ads.get(0).path("id").asString()), 200).json();
        assertThat(inventoryAd.path("details").path("operationStatus").asString()).isEqualTo("DISABLE");

        // revert: the inverse change set, same policy, applied and verified
        JsonNode revert = expect(operator.api().post(base + "/bulk-operations/" + id + "/revert", null), 201).json();
        assertThat(revert.path("revertOf").asString()).isEqualTo(id);
        assertThat(revert.path("action").asString()).isEqualTo("ENABLE");
        assertThat(revert.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        String revertId = revert.path("id").asString();
        expect(owner.api().post(base + "/bulk-operations/" + revertId + "/approve", Map.of()), 200);
        expect(operator.api().post(base + "/bulk-operations/" + revertId + "/apply", null), 202);
        JsonNode reverted = awaitFinished(revertId);
        assertThat(reverted.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(reverted.path("counts").path("verified").asInt()).isEqualTo(150);
        assertSimulatorStatus(byAdvertiser, "ENABLE");

        // every step is in the audit log
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT action FROM audit_events WHERE target_type = 'bulk_operation' AND target_id IN (:a, :b)""")
                .param("a", id).param("b", revertId).query(String.class).list()).contains("bulk_operation.created",
                "bulk_operation.approved", "bulk_operation.apply_started", "bulk_operation.applied",
                "bulk_operation.reverted"));
    }

    @Test
    void thePreviewPageCountsEveryLineAndShowsTheLinesAPageAtATime() {
        List<JsonNode> ads = enabledAds(130);
        List<String> ids = ids(ads);
        // two of them are deleted at TikTok after they were selected: a warning on each of their lines
        String advertiser = ads.get(ads.size() - 1).path("advertiserId").asString();
        List<String> ofAdvertiser = ads.stream().filter(a -> a.path("advertiserId").asString().equals(advertiser))
                .map(a -> a.path("tiktokId").asString()).toList();
        List<String> deleted = ofAdvertiser.subList(ofAdvertiser.size() - 2, ofAdvertiser.size());
        simulatorSetStatus("ad", advertiser, deleted, "DELETE");
        // as the next sync would show them, so that the other tests do not pick them as enabled ads
        jdbc.sql("""
                        UPDATE inventory_entities SET status = 'AD_STATUS_DELETE',
                            fields = fields || '{"operation_status": "DELETE"}'::jsonb
                        WHERE workspace_id = :ws AND kind = 'AD' AND tiktok_id IN (:ids)""")
                .param("ws", java.util.UUID.fromString(ws)).param("ids", deleted).update();
        String id = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids), null), 201)
                .json().path("id").asString();
        String page = "/workspaces/" + ws + "/bulk-operations/" + id;

        String first = expect(operator.api().get(page), 200).body();
        assertThat(lineRows(first)).isEqualTo(100);
        assertThat(first).contains("The first 100 of the 130 lines.").contains("id=\"cs-lines-next\"")
                .doesNotContain("First lines");
        // the warnings and counts are over every line, not only the ones shown
        assertThat(first).contains("Deleted at TikTok since it was selected: it will be skipped.")
                .contains(">2 lines<");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"cs-lines-next\"\\s+href=\"([^\"#]+)")
                .matcher(first);
        assertThat(next.find()).isTrue();
        String second = expect(operator.api().get(next.group(1).replace("&amp;", "&")), 200).body();
        assertThat(lineRows(second)).isEqualTo(30);
        assertThat(second).contains("Further lines of the 130 lines.").contains("First lines")
                .doesNotContain("id=\"cs-lines-next\"");
        // together the two pages show every line once
        assertThat(ids).allSatisfy(ad -> assertThat(count(first, "\">" + ad + "<") + count(second, "\">" + ad + "<"))
                .as(ad).isEqualTo(1));

        // a cursor that is not one of these lines' shows the first lines and says so
        String forged = expect(operator.api().get(page + "?cursor=bm90LW91cnM"), 200).body();
        assertThat(forged).contains("That page of lines does not exist");
        assertThat(lineRows(forged)).isEqualTo(100);
    }

    private static int lineRows(String html) {
        return count(html, "class=\"cs-line\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void retryableFaultsAreRetriedAndA40002FailsOnlyItsChunk() {
        List<JsonNode> ads = enabledAds(45);
        Map<String, List<String>> byAdvertiser = byAdvertiser(ads);
        expect(owner.api().put(base + "/bulk-policy", Map.of("approval", "NEVER")), 200);
        try {
            // 50000 and 40100 on the first calls: retried with backoff, every line applied once
            simulator().addFault(SimulatorControl.Fault.code(50000).onPath("/ad/status/update/").forNext(1));
            simulator().addFault(SimulatorControl.Fault.code(40100).onPath("/ad/status/update/").forNext(1));
            JsonNode plan = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads)), null),
                    201).json();
            assertThat(plan.path("status").asString()).as("policy NEVER: no approval").isEqualTo("APPROVED");
            simulator().sim().stats.clear();
            expect(operator.api().post(base + "/bulk-operations/" + plan.path("id").asString() + "/apply", null), 202);
            JsonNode done = awaitFinished(plan.path("id").asString());
            assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.path("counts").path("verified").asInt()).isEqualTo(45);
            JsonNode stats = json.valueToTree(simulator().stats());
            assertThat(stats.path("answers_per_code").path("50000").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(stats.path("answers_per_code").path("40100").asLong()).isGreaterThanOrEqualTo(1);
            assertSimulatorStatus(byAdvertiser, "DISABLE");

            // enable again, with a 40002 on the first chunk: only that chunk's lines fail
            simulator().addFault(SimulatorControl.Fault.code(40002).onPath("/ad/status/update/").forNext(1));
            JsonNode enable = expect(plan(operator, Map.of("action", "ENABLE", "level", "AD", "targets", ids(ads)),
                    null), 201).json();
            expect(operator.api().post(base + "/bulk-operations/" + enable.path("id").asString() + "/apply", null), 202);
            JsonNode partial = awaitFinished(enable.path("id").asString());
            assertThat(partial.path("status").asString()).isEqualTo("PARTIALLY_SUCCEEDED");
            List<JsonNode> failed = new ArrayList<>();
            partial.path("lines").forEach(l -> {
                if (l.path("status").asString().equals("FAILED")) {
                    failed.add(l);
                }
            });
            String firstAdvertiser = byAdvertiser.keySet().iterator().next();
            int firstChunk = Math.min(20, byAdvertiser.get(firstAdvertiser).size());
            assertThat(failed).hasSize(firstChunk);
            assertThat(failed).allSatisfy(l -> {
                assertThat(l.path("error").path("code").asInt()).isEqualTo(40002);
                assertThat(l.path("advertiserId").asString()).isEqualTo(firstAdvertiser);
            });
            assertThat(partial.path("counts").path("verified").asInt()).isEqualTo(45 - firstChunk);
            Set<String> failedIds = failed.stream().map(l -> l.path("tiktokId").asString()).collect(Collectors.toSet());
            simulatorStatus("ad", firstAdvertiser, byAdvertiser.get(firstAdvertiser)).forEach((ad, status) ->
                    assertThat(status).as(ad).isEqualTo(failedIds.contains(ad) ? "DISABLE" : "ENABLE"));
        } finally {
            expect(owner.api().put(base + "/bulk-policy", Map.of("approval", "ALWAYS")), 200);
        }
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        List<JsonNode> ads = enabledAds(3);
        // empty selection
        expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", List.of()), null), 422);
        expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "filter", Map.of("q", "no such name at all")),
                null), 422);
        // an id this workspace does not have
        expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", List.of("999999999999")), null), 404);
        // an amount change across currencies
        List<JsonNode> campaigns = enabled("campaigns");
        Map<String, JsonNode> oneCampaignPerCurrency = new LinkedHashMap<>();
        Map<String, String> currencyOf = new LinkedHashMap<>();
        inventory("advertisers").forEach(a -> currencyOf.put(a.path("tiktokId").asString(),
                a.path("details").path("currency").asString()));
        campaigns.forEach(c -> oneCampaignPerCurrency.putIfAbsent(currencyOf.get(c.path("advertiserId").asString()), c));
        assertThat(oneCampaignPerCurrency).as("the world has several currencies").hasSizeGreaterThan(1);
        ApiClient422 mixed = new ApiClient422(plan(operator, Map.of("action", "CHANGE_BUDGET", "level", "CAMPAIGN",
                "targets", ids(new ArrayList<>(oneCampaignPerCurrency.values())), "value", Map.of("amount", 10)), null));
        assertThat(mixed.fields()).contains("value.amount");
        // the same Idempotency-Key with another body
        String keyed = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads)), "e2e-bad-1"), 201)
                .json().path("id").asString();
        expect(plan(operator, Map.of("action", "ENABLE", "level", "AD", "targets", ids(ads)), "e2e-bad-1"), 422);
        // a key older than 24 hours is purged (the change-set clock, every minute) and its reuse plans anew (check 54)
        jdbc.sql("UPDATE bulk_change_sets SET created_at = created_at - interval '25 hours' WHERE id = :id")
                .param("id", java.util.UUID.fromString(keyed)).update();
        await().atMost(Duration.ofSeconds(150)).until(() -> jdbc.sql(
                "SELECT idempotency_key IS NULL FROM bulk_change_sets WHERE id = :id")
                .param("id", java.util.UUID.fromString(keyed)).query(Boolean.class).single());
        assertThat(expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads)), "e2e-bad-1"), 201)
                .json().path("id").asString()).isNotEqualTo(keyed);
        // a budget on ads, an unknown action
        expect(plan(operator, Map.of("action", "SET_BUDGET", "level", "AD", "targets", ids(ads),
                "value", Map.of("amount", 100)), null), 422);
        expect(plan(operator, Map.of("action", "EXPLODE", "level", "AD", "targets", ids(ads)), null), 422);
        // analysts may not plan; a rejection needs a reason and leaves the plan rejected
        JsonNode plan = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads)), null),
                201).json();
        String id = plan.path("id").asString();
        expect(owner.api().post(base + "/bulk-operations/" + id + "/reject", Map.of()), 422);
        JsonNode rejected = expect(owner.api().post(base + "/bulk-operations/" + id + "/reject",
                Map.of("reason", "Not this week")), 200).json();
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        expect(owner.api().post(base + "/bulk-operations/" + id + "/approve", Map.of()), 409);
        // a plan nobody wants any more is cancelled
        String dropped = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ids(ads)), null),
                201).json().path("id").asString();
        assertThat(expect(operator.api().post(base + "/bulk-operations/" + dropped + "/cancel", null), 202).json()
                .path("status").asString()).isEqualTo("CANCELLED");
        expect(operator.api().post(base + "/bulk-operations/" + dropped + "/apply", null), 409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT action FROM audit_events WHERE target_type = 'bulk_operation' AND target_id IN (:a, :b)""")
                .param("a", id).param("b", dropped).query(String.class).list())
                .contains("bulk_operation.rejected", "bulk_operation.cancelled"));
    }

    @Test
    void guardrailsRefuseAPlanWithTheReason() {
        List<JsonNode> adGroups = enabled("ad-groups").stream()
                .filter(g -> "BUDGET_MODE_DAY".equals(g.path("details").path("budgetMode").asString())).limit(2).toList();
        assertThat(adGroups).hasSize(2);
        expect(owner.api().put(base + "/bulk-policy", Map.of("approval", "ALWAYS",
                "guardrails", Map.of("maxBudgetIncreasePercent", 20))), 200);
        try {
            ApiClient422 refused = new ApiClient422(plan(operator, Map.of("action", "CHANGE_BUDGET", "level", "ADGROUP",
                    "targets", ids(adGroups), "value", Map.of("percent", 50)), null));
            assertThat(refused.fields()).contains("guardrails");
            assertThat(refused.messages()).anyMatch(m -> m.contains("at most 20% is allowed"));
            expect(plan(operator, Map.of("action", "CHANGE_BUDGET", "level", "ADGROUP", "targets", ids(adGroups),
                    "value", Map.of("percent", 10)), null), 201);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
                            SELECT count(*) FROM audit_events WHERE action = 'bulk_policy.changed' AND target_id = :ws""")
                    .param("ws", ws).query(Long.class).single()).isPositive());
        } finally {
            expect(owner.api().put(base + "/bulk-policy", Map.of("approval", "ALWAYS")), 200);
        }
    }

    /** The fields and messages of a 422 problem. */
    record ApiClient422(com.tttools.app.support.ApiClient.Response response) {
        ApiClient422 {
            expect(response, 422);
        }

        List<String> fields() {
            List<String> out = new ArrayList<>();
            response.json().path("errors").forEach(e -> out.add(e.path("field").asString()));
            return out;
        }

        List<String> messages() {
            List<String> out = new ArrayList<>();
            response.json().path("errors").forEach(e -> out.add(e.path("message").asString()));
            return out;
        }
    }
}
