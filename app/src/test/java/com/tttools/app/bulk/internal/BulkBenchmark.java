package com.tttools.app.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.Scale;
import com.tttools.simulator.SimulatorControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * The change-set benchmark of docs/benchmarks.md (issue 14, point 11), skipped unless {@code -Dbench=true} and not
 * part of the normal suite (its name ends in neither Test nor IT). Run it alone:
 * {@code mvn -q -o -pl tiktok-simulator,app test -Dbench=true -Dtest=BulkBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Results are lines starting with "BENCH"; nothing is asserted about time.
 *
 * <p>On the simulator's large world, 1,000 enabled ads of one advertiser are put in a workspace's inventory. Then,
 * measured in the same run: (a) the anchor, a plain {@code ad/get} read of the same 1,000 ads through the
 * connection's client (100 ids per call, as the planner reads), before and after (b) planning the 1,000-ad pause
 * (before values read fresh from TikTok, lines and totals stored) and (c) rendering its preview page over HTTP;
 * (d) applying it (50 status calls of 20 ids, then the verification read) against the rate limiter's theoretical
 * pace, calls ÷ QPS, with where its time and SQL statements went. Three rounds on the same ads, enabled again
 * between them; a 100-ad plan, page and apply first warm the code paths.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BulkBenchmark extends IntegrationTest {

    static final int ADS = 1_000;
    static final int ROUNDS = 3;

    @Autowired
    BulkOperations bulk;
    @Autowired
    TikTokMarketingApi api;
    @Autowired
    TikTokTokenStore tokenStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulatorRegistration;
    @Value("${tttools.tiktok.rate-limit.app-qps}")
    double appQps;

    @Test
    void previewAndApplyOf1000Ads() throws Exception {
        System.out.printf("BENCH machine: %d cores (%s), Java %s, max heap %.0f MB, %s; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / 1e6, jdbc.sql("SELECT version()").query(String.class).single(),
                load());
        SimulatorControl simulator = EmbeddedSimulator.control(simulatorRegistration);
        simulator.reset(42, Scale.LARGE);
        try {
            run(simulator);
        } finally {
            simulator.reset(42, Scale.SMALL);
        }
    }

    private void run(SimulatorControl simulator) {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("bench-bulk");
        String org = tenants.createOrganization(owner, "Bulk Benchmark Org");
        String wsId = tenants.createWorkspace(owner, org, "Bulk Benchmark Brand");
        WorkspaceId ws = WorkspaceId.of(wsId);
        BulkOperations.Caller caller = new BulkOperations.Caller(new UserId(UUID.fromString(owner.id())),
                owner.email(), RequestMetadata.none());
        String advertiser = simulator.advertiserIds().get(0);
        UUID connection = UUID.randomUUID();
        tokenStore.storeAccessToken(ws, connection,
                new AccessToken(simulator.issueAccessToken("7000000000000000001", List.of(advertiser))));
        TikTokClient client = api.forConnection(ws, new ConnectionId(connection), Actor.system("bench"));

        List<String> ads = new ArrayList<>();
        for (JsonNode ad : client.listAll(ApiCall.get("ad/get/").param("advertiser_id", advertiser)
                .priority(CallPriority.INTERACTIVE), "list", 1000)) {
            if ("ENABLE".equals(ad.path("operation_status").asString())
                    && !ad.path("secondary_status").asString().contains("DELETE") && ads.size() < ADS + 100) {
                ads.add(ad.path("ad_id").asString());
                jdbc.sql("""
                                INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status,
                                    fields, connection_id, synced_at, updated_at)
                                VALUES (:ws, 'AD', :id, :advertiser, :name, 'AD_STATUS_DELIVERY_OK', '{}'::jsonb,
                                    :connection, now(), now())""")
                        .param("ws", ws.value()).param("id", ad.path("ad_id").asString())
                        .param("advertiser", advertiser).param("name", ad.path("ad_name").asString())
                        .param("connection", connection).update();
            }
        }
        assertThat(ads).hasSize(ADS + 100);
        List<String> warmUp = ads.subList(ADS, ADS + 100);
        List<String> measured = ads.subList(0, ADS);
        bulk.updatePolicy(caller, ws, new BulkPolicy("NEVER", null, null));
        System.out.printf("BENCH setup: advertiser %s of the large world, %d enabled ads in the inventory; app limiter"
                + " %.0f QPS; %d rounds%n", advertiser, ads.size(), appQps, ROUNDS);

        // warm-up: the same paths (read, plan, preview page, apply) on other ads
        read(client, advertiser, warmUp);
        ChangeSetView warm = bulk.plan(caller, ws, pause(warmUp), null);
        assertThat(owner.api().get("/workspaces/" + wsId + "/bulk-operations/" + warm.id()).status()).isEqualTo(200);
        apply(caller, ws, warm.id());

        List<String> results = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            results.add(round(round, simulator, client, advertiser, owner, wsId, ws, caller, measured));
            enable(client, advertiser, measured);   // the next round pauses the same ads again (not measured)
        }
        System.out.println("BENCH summary (round: anchor | plan | plan/anchor | preview page | plan+page | apply |"
                + " calls | apply/(calls/QPS) | load):");
        results.forEach(r -> System.out.println("BENCH   " + r));
    }

    private String round(int round, SimulatorControl simulator, TikTokClient client, String advertiser,
            Tenants.User owner, String wsId, WorkspaceId ws, BulkOperations.Caller caller, List<String> measured) {
        double anchorBefore = read(client, advertiser, measured);
        long start = System.nanoTime();
        ChangeSetView plan = bulk.plan(caller, ws, pause(measured), null);
        double planSeconds = (System.nanoTime() - start) / 1e9;
        double anchorAfter = read(client, advertiser, measured);
        start = System.nanoTime();
        var page = owner.api().get("/workspaces/" + wsId + "/bulk-operations/" + plan.id());
        double pageSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(page.status()).isEqualTo(200);
        assertThat(plan.lines()).hasSize(ADS);
        double anchor = (anchorBefore + anchorAfter) / 2;
        System.out.printf("BENCH round %d anchor: ad/get of the %d ads through the client (%d calls of 100 ids):"
                + " %.3f s and %.3f s (mean %.3f s); load %s%n", round, ADS, ADS / 100, anchorBefore, anchorAfter,
                anchor, load());
        System.out.printf("BENCH round %d preview: plan %.3f s (ratio %.2f to the anchor), preview page %.3f s"
                + " (%,d bytes, %d line rows); plan + page %.3f s = %.2f x anchor%n", round, planSeconds,
                planSeconds / anchor, pageSeconds, page.body().length(), rows(page.body()),
                planSeconds + pageSeconds, (planSeconds + pageSeconds) / anchor);

        simulator.clearStats();
        double waitsBefore = seconds("tttools.tiktok.ratelimit.waits");
        double callsBefore = seconds("tttools.tiktok.calls");
        StatementCounter.startEverywhere();
        Applied applied = apply(caller, ws, plan.id());
        List<String> statements = StatementCounter.stopEverywhere();
        double waits = seconds("tttools.tiktok.ratelimit.waits") - waitsBefore;
        double http = seconds("tttools.tiktok.calls") - callsBefore;
        Map<String, Long> calls = calls(simulator);
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        double pace = total / appQps;
        String load = load();
        System.out.printf("BENCH round %d apply: %s in %.3f s, %d calls %s; theoretical pace %d / %.0f QPS = %.1f s;"
                + " ratio %.2f; counts %s; load %s%n", round, applied.view().status(), applied.seconds(), total, calls,
                total, appQps, pace, applied.seconds() / pace, applied.view().counts(), load);
        System.out.printf("BENCH round %d apply phases: job picked up and first chunk written %.3f s, writes (first to"
                + " last chunk) %.3f s, verify and finish %.3f s, seen finished %.3f s; waiting for rate-limit tokens"
                + " %.3f s, HTTP to TikTok %.3f s, the rest (database, app) %.3f s%n", round, applied.firstWrite(),
                applied.writes(), applied.verify(), applied.seen(), waits, http,
                applied.seconds() - waits - http);
        Map<String, Long> byKind = new java.util.TreeMap<>();
        statements.forEach(sql -> byKind.merge(kind(sql), 1L, Long::sum));
        System.out.printf("BENCH round %d apply statements (every thread but the benchmark's): %d in all, %.1f per"
                + " status call; %s%n", round, statements.size(),
                statements.size() / (double) Math.max(1, calls.getOrDefault("/ad/status/update/", 0L)), byKind);
        assertThat(applied.view().status()).isEqualTo(ChangeSetStatus.SUCCEEDED);
        return String.format("%d: %.2f s | %.2f s | %.2f | %.2f s | %.2f s | %.2f s | %d | %.2f | %s", round, anchor,
                planSeconds, planSeconds / anchor, pageSeconds, planSeconds + pageSeconds, applied.seconds(), total,
                applied.seconds() / pace, load);
    }

    /** An apply from the request to the change set seen finished, and where its time went (from stored times). */
    record Applied(ChangeSetView view, double seconds, double firstWrite, double writes, double verify, double seen) {
    }

    private Applied apply(BulkOperations.Caller caller, WorkspaceId ws, String id) {
        java.time.Instant t0 = java.time.Instant.now();
        long start = System.nanoTime();
        bulk.apply(caller, ws, id);
        // a cheap status read every 20 ms on this thread (not counted with the job's statements): reading the whole
        // change set (1,000 lines) that often would load the database the job writes to
        await().atMost(Duration.ofMinutes(10)).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> ChangeSetStatus.valueOf(jdbc.sql("SELECT status FROM bulk_change_sets WHERE id = :id")
                        .param("id", UUID.fromString(id)).query(String.class).single()).finished());
        double seconds = (System.nanoTime() - start) / 1e9;
        java.time.Instant seenAt = t0.plusNanos((long) (seconds * 1e9));
        Map<String, Object> times = jdbc.sql("""
                        SELECT min(l.applied_at) AS first, max(l.applied_at) AS last, max(c.finished_at) AS finished
                        FROM bulk_change_sets c JOIN bulk_change_lines l ON l.change_set_id = c.id
                        WHERE c.id = :id""").param("id", UUID.fromString(id)).query().singleRow();
        java.time.Instant first = ((java.sql.Timestamp) times.get("first")).toInstant();
        java.time.Instant last = ((java.sql.Timestamp) times.get("last")).toInstant();
        java.time.Instant finished = ((java.sql.Timestamp) times.get("finished")).toInstant();
        return new Applied(bulk.find(ws, id).orElseThrow(), seconds, between(t0, first), between(first, last),
                between(last, finished), between(finished, seenAt));
    }

    /** Enables the ads again through the client, 20 ids per call (as TikTok allows). */
    private static void enable(TikTokClient client, String advertiser, List<String> ids) {
        for (int from = 0; from < ids.size(); from += 20) {
            client.call(ApiCall.post("ad/status/update/").param("advertiser_id", advertiser)
                    .param("ad_ids", ids.subList(from, Math.min(ids.size(), from + 20)))
                    .param("operation_status", "ENABLE").priority(CallPriority.INTERACTIVE));
        }
    }

    private static double between(java.time.Instant from, java.time.Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** Total seconds recorded by the timers of this name (every tag). */
    private double seconds(String timer) {
        return meters.find(timer).timers().stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9).sum();
    }

    /** A statement's verb and table, e.g. "UPDATE bulk_change_lines". */
    private static String kind(String sql) {
        String verb = sql.strip().split("\\s+")[0].toUpperCase(java.util.Locale.ROOT);
        java.util.regex.Matcher table = java.util.regex.Pattern.compile(
                "(?i)\\b(?:FROM|INTO|UPDATE)\\s+([a-z_][a-z0-9_]*)").matcher(sql);
        return verb + " " + (table.find() ? table.group(1) : "?");
    }

    private static int rows(String html) {
        int count = 0;
        for (int at = html.indexOf("class=\"cs-line\""); at >= 0; at = html.indexOf("class=\"cs-line\"", at + 1)) {
            count++;
        }
        return count;
    }

    private static PlanCommand pause(List<String> ads) {
        return new PlanCommand(BulkAction.PAUSE, BulkLevel.AD, ads, null, null, null, null);
    }

    /** Seconds for a plain read of these ads through the client, 100 ids per call (the planner's batch). */
    private static double read(TikTokClient client, String advertiser, List<String> ids) {
        long start = System.nanoTime();
        int found = 0;
        for (int from = 0; from < ids.size(); from += 100) {
            Map<String, Object> filtering = new LinkedHashMap<>();
            filtering.put("ad_ids", ids.subList(from, Math.min(ids.size(), from + 100)));
            filtering.put("primary_status", "STATUS_ALL");
            found += client.listAll(ApiCall.get("ad/get/").param("advertiser_id", advertiser)
                    .param("filtering", filtering).priority(CallPriority.INTERACTIVE), "list", 100).size();
        }
        assertThat(found).isEqualTo(ids.size());
        return (System.nanoTime() - start) / 1e9;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> calls(SimulatorControl simulator) {
        Map<String, Long> out = new java.util.TreeMap<>();
        ((Map<String, Object>) simulator.stats().get("calls_per_path")).forEach((path, n) ->
                out.put(path, ((Number) n).longValue()));
        return out;
    }

    private static String cpu() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    }

    private static String load() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
