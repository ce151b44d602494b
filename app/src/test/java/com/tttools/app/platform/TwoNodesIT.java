package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import com.tttools.nodes.NodeProbe;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimApp;
import com.tttools.simulator.SimulatorControl;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * Several app nodes behind one load balancer: two child JVMs of the app on loopback share one fresh PostgreSQL
 * database and one Redis (the real one on 127.0.0.1:6379, else a redis-server of the test's own; every key under
 * a prefix of this run), each with ECS JSON logs as in production and the {@link NodeProbe} job type. It shows
 * <ul>
 *   <li>a session created on node A works on node B (Spring Session JDBC), for reads and CSRF-protected writes;</li>
 *   <li>a role lowered (or a member removed) on A is refused by B on its next request: no cache decides access;</li>
 *   <li>500 jobs queued by one request run exactly once in total, on both nodes (db-scheduler), and every log line
 *       of a job carries the id of the request that queued it, on the node that did not serve the request;</li>
 *   <li>the TikTok app quota holds across both nodes (Bucket4j buckets in Redis): as the simulator counted the
 *       calls per second, no stretch of seconds saw more than the quota allows, and no call was refused;</li>
 *   <li>event publications whose listener failed are resubmitted by both nodes at once, and again while the
 *       resubmitted listeners still run: each is delivered once more, once; a young one in flight is left alone;</li>
 *   <li>node A killed with SIGKILL in the middle of jobs and event listeners: node B finds the jobs dead (missed
 *       heartbeats) and runs them to the end, each finishing once, and its resubmission task delivers the events A
 *       did not finish, once.</li>
 * </ul>
 */
class TwoNodesIT extends IntegrationTest {

    /** The client's app quota on each node (TIKTOK_APP_QPS), shared through Redis. */
    static final int QPS = 5;
    /** The simulator's quota for the test's app: above QPS, below what two unshared nodes would send (2 x QPS). */
    static final int SIMULATOR_QPS = 8;
    /** Scheduler threads per node (the default): calls in flight at once, at most one per thread. */
    static final int THREADS = 4;
    /** The nodes' resubmission age; the test ages the publications it wants resubmitted past it. */
    static final Duration RESUBMIT_OLDER_THAN = Duration.ofMinutes(1);

    @Autowired
    DatabaseServer database;
    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulatorRegistration;
    @TempDir
    Path dataDir;

    ChildApp app;
    SingleConnectionDataSource testConnection;
    Process ownRedis;

    @AfterEach
    void cleanUp() {
        if (testConnection != null) {
            testConnection.destroy();
        }
        if (app != null) {
            app.close();
        }
        if (ownRedis != null) {
            ownRedis.destroyForcibly();
        }
    }

    @Test
    void twoNodesShareSessionsAccessJobsEventsAndTheTikTokQuotaAndTakeOverTheWorkOfAKilledNode() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        app = ChildApp.withFreshDatabase(database, dataDir, url("/tiktok-sim"));
        String[] settings = {"--spring.main.sources=" + NodeProbe.class.getName(),
                "--logging.structured.format.console=ecs", "--logging.level.com.tttools.nodes=INFO",
                "--tttools.tiktok.rate-limit.redis-url=" + redisUrl(),
                "--tttools.tiktok.rate-limit.redis-key-prefix=tttools-it-" + run + ":",
                "--tttools.tiktok.rate-limit.app-qps=" + QPS,
                "--tttools.scheduler.threads=" + THREADS,
                "--tttools.events.resubmit-older-than=" + RESUBMIT_OLDER_THAN.toMinutes() + "m",
                "--tttools.database.max-pool-size=5"};   // the test server's connections are shared by many tests
        // both at once, as in a rolling deployment: they migrate the empty database together (Flyway's lock)
        ChildApp.Child a = app.launch("a", with(settings, "--node-probe.node=A"));
        ChildApp.Child b = app.launch("b", with(settings, "--node-probe.node=B"));
        app.awaitReady(a, Duration.ofSeconds(600));
        app.awaitReady(b, Duration.ofSeconds(600));
        testConnection = new SingleConnectionDataSource(app.jdbcUrl(), true);
        JdbcClient db = JdbcClient.create(testConnection);
        db.sql("""
                CREATE TABLE node_probe_runs (job_id uuid NOT NULL, node text NOT NULL, event text NOT NULL,
                                              at timestamptz NOT NULL DEFAULT clock_timestamp())""").update();
        db.sql("""
                CREATE TABLE node_probe_events (event_id text NOT NULL, node text NOT NULL, event text NOT NULL,
                                                at timestamptz NOT NULL DEFAULT clock_timestamp())""").update();

        // a session created on A is a session on B, reads and CSRF-protected writes alike
        String email = Users.uniqueEmail("two-nodes");
        ApiClient onA = Users.signedUp(a.port(), email);
        ApiClient onB = new ApiClient(b.port()).withSessionCookie(onA.sessionCookie());
        assertThat(onB.get("/api/v1/me").json().path("email").asString()).isEqualTo(email);
        ApiClient.Response created = onB.post("/api/v1/organizations", Map.of("name", "Two Nodes Org", "workspace",
                Map.of("name", "Both", "timezone", "UTC", "currency", "USD")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String ws = "/api/v1/workspaces/" + created.json().path("workspace").path("id").asString();
        assertThat(onA.get(ws + "/jobs").status()).as("the workspace made on B, seen on A").isEqualTo(200);

        lowerRoleOnAHoldsOnBAtOnce(db, onA, b, created.json().path("id").asString(), ws);
        exactlyOnce(db, onA, b, ws, run);
        quotaHoldsAcrossNodes(db, onB, ws, run);
        failedEventsAreResubmittedOnceByBothNodes(db, onA, onB, ws, run);
        killedNodesJobsFinishOnTheOther(db, onA, a, b, ws, run);
    }

    /**
     * Authorization never comes from a cache that outlives a request, so a change made on A holds on B from B's very
     * next request, although B has just drawn the member's pages (its layout's tenancy snapshot is warm).
     */
    private void lowerRoleOnAHoldsOnBAtOnce(JdbcClient db, ApiClient ownerOnA, ChildApp.Child b, String org,
            String ws) {
        String email = Users.uniqueEmail("two-nodes-member");
        ApiClient memberOnB = Users.signedUp(b.port(), email);
        String member = memberOnB.get("/api/v1/me").json().path("id").asString();
        // in the organization as if by an accepted invitation (InvitationIT covers that flow)
        db.sql("INSERT INTO organization_members (organization_id, user_id, role, joined_at) VALUES (:o, :u, 'MEMBER', now())")
                .param("o", UUID.fromString(org)).param("u", UUID.fromString(member)).update();
        String page = ws.replace("/api/v1", "") + "/jobs";
        Map<String, Object> oneJob = Map.of("count", 1, "sleepMillis", 0, "tiktokCalls", 0);

        assertThat(ownerOnA.put(ws + "/members/" + member, Map.of("role", "OPERATOR")).status()).isEqualTo(200);
        assertThat(memberOnB.get(page).status()).as("B draws the member's page").isEqualTo(200);
        assertThat(memberOnB.post(ws + "/node-probe/jobs", oneJob).status()).as("an operator's action on B")
                .isEqualTo(200);

        assertThat(ownerOnA.put(ws + "/members/" + member, Map.of("role", "ANALYST")).status()).isEqualTo(200);
        ApiClient.Response demoted = memberOnB.post(ws + "/node-probe/jobs", oneJob);
        assertThat(demoted.status()).as("B's next request after the demotion on A: " + demoted.body()).isEqualTo(403);
        assertThat(memberOnB.get(page).status()).as("an analyst still sees the page").isEqualTo(200);

        assertThat(ownerOnA.delete(ws + "/members/" + member).status()).isEqualTo(204);
        assertThat(memberOnB.get(ws).status()).as("B's next request after the removal on A").isEqualTo(404);
        assertThat(memberOnB.get(page).status()).isEqualTo(404);
    }

    /**
     * 20 events published on A whose listener fails its first attempt (on A), aged past the resubmission age: both
     * nodes resubmit at the same moment, then each again while the resubmitted listeners (2 s each) still run.
     * Each publication is delivered once more, on one node; two young events whose listeners are running on B are
     * left alone by every run.
     */
    private void failedEventsAreResubmittedOnceByBothNodes(JdbcClient db, ApiClient onA, ApiClient onB, String ws,
            String run) throws Exception {
        String failing = "fail-once-" + run;
        String young = "in-flight-" + run;
        List<String> ids = publish(onA, ws, Map.of("marker", failing, "count", 20, "firstSleepMillis", 0,
                "firstFails", true, "retrySleepMillis", 2000));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> db.sql("""
                        SELECT count(*) FROM event_publication WHERE strpos(serialized_event, :m) > 0 AND status = 'FAILED'""")
                .param("m", failing).query(Long.class).single() == ids.size());
        publish(onB, ws, Map.of("marker", young, "count", 2, "firstSleepMillis", 8000, "firstFails", false,
                "retrySleepMillis", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(db, young, "started").size() == 2);
        age(db, failing);

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<Integer>> onEach = Stream.of(onA, onB).map(node -> both.submit(() -> {
                together.await();
                return resubmit(node, ws);
            })).toList();
            for (Future<Integer> call : onEach) {
                assertThat(call.get(60, TimeUnit.SECONDS)).as("resubmitted at the same moment").isEqualTo(200);
            }
        } finally {
            both.shutdownNow();
        }
        assertThat(resubmit(onA, ws)).isEqualTo(200);
        assertThat(resubmit(onB, ws)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> attempts(db, failing, "finished").size() == ids.size()
                        && attempts(db, young, "finished").size() == 2 && publications(db, failing, young) == 0);
        Map<String, Long> started = new java.util.TreeMap<>();
        attempts(db, failing, "started").forEach(r -> started.merge(r.get("event_id").toString(), 1L, Long::sum));
        assertThat(started).as("attempts per event: the failed one on A and one resubmission")
                .hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(2L));
        assertThat(attempts(db, failing, "finished").stream().map(r -> r.get("event_id").toString()))
                .as("each delivered once").hasSize(ids.size()).doesNotHaveDuplicates();
        Map<String, Long> resubmittedOn = new java.util.TreeMap<>();
        attempts(db, failing, "finished").forEach(r -> resubmittedOn.merge(r.get("node").toString(), 1L, Long::sum));
        System.out.println("TwoNodesIT: of " + ids.size() + " failed publications, resubmitted per node " + resubmittedOn);
        assertThat(attempts(db, young, "started")).as("the young ones ran once, on B, untouched by the resubmissions")
                .hasSize(2).allSatisfy(r -> assertThat(r.get("node")).isEqualTo("B"));
    }

    /** 500 jobs queued by one request on A run once each, spread over both nodes; B's log lines carry the request id. */
    private void exactlyOnce(JdbcClient db, ApiClient onA, ChildApp.Child b, String ws, String run) throws IOException {
        String requestId = "nodes-once-" + run;
        List<String> ids = submit(onA, ws, requestId, Map.of("count", 500, "sleepMillis", 50, "tiktokCalls", 0));
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        awaitSucceeded(db, requestId, 500, Duration.ofSeconds(120));

        assertThat(db.sql("SELECT count(*) FROM jobs WHERE request_id = :r AND attempts = 1").param("r", requestId)
                .query(Long.class).single()).as("each job ran in one attempt").isEqualTo(500);
        List<Map<String, Object>> runs = runs(db, requestId);
        assertThat(runs.stream().filter(r -> r.get("event").equals("started")).map(r -> r.get("job_id").toString()))
                .as("each job started once").hasSize(500).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        List<Map<String, Object>> finished = runs.stream().filter(r -> r.get("event").equals("finished")).toList();
        assertThat(finished.stream().map(r -> r.get("job_id").toString()))
                .as("each job finished once").hasSize(500).doesNotHaveDuplicates();
        long onNodeB = finished.stream().filter(r -> r.get("node").equals("B")).count();
        System.out.println("TwoNodesIT: of 500 jobs, " + (500 - onNodeB) + " ran on A and " + onNodeB + " on B");
        assertThat(onNodeB).as("jobs run on B (of 500)").isBetween(1L, 499L);
        assertThat(db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'user-job'").query(Long.class).single())
                .as("no execution left behind").isZero();

        // the request was served by A; B ran some of its jobs, and each of their log lines names the request
        assertThat(probeLog(b, "B").stream().filter(line -> ids.contains(line.path("jobId").asString())))
                .as("B's log lines of finished probe jobs").hasSize((int) onNodeB)
                .allSatisfy(line -> assertThat(line.path("requestId").asString()).as(line.toString())
                        .isEqualTo(requestId));
    }

    /** 48 TikTok calls from jobs on both nodes: the simulator saw them within one app quota, none refused. */
    private void quotaHoldsAcrossNodes(JdbcClient db, ApiClient onB, String ws, String run) {
        SimulatorControl simulator = EmbeddedSimulator.control(simulatorRegistration);
        // an app of the test's own at the simulator: its quota and call counts are the nodes' alone
        String appId = String.format("7%018d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
        simulator.registerApp(new SimApp(appId, "two-nodes-secret", List.of(), SIMULATOR_QPS, SimApp.ALL_SCOPES));
        String token = simulator.issueAccessToken(appId, null);
        String requestId = "nodes-quota-" + run;
        int jobs = 2 * THREADS;
        int callsPerJob = 6;
        submit(onB, ws, requestId, Map.of("count", jobs, "sleepMillis", 0, "tiktokCalls", callsPerJob,
                "accessToken", token, "advertiserId", simulator.advertiserIds().get(0)));
        awaitSucceeded(db, requestId, jobs, Duration.ofSeconds(120));

        Map<String, Long> ranOn = new java.util.TreeMap<>();
        runs(db, requestId).stream().filter(r -> r.get("event").equals("finished"))
                .forEach(r -> ranOn.merge(r.get("node").toString(), 1L, Long::sum));
        assertThat(ranOn).as("jobs per node").containsOnlyKeys("A", "B");

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> perToken =
                (Map<String, Map<String, Long>>) simulator.stats().get("calls_per_second_per_token");
        Map<String, Long> perSecond = perToken.get(token);
        long total = perSecond.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("TwoNodesIT: TikTok calls per second " + perSecond.values() + " from jobs per node " + ranOn);
        // a call TikTok refused (40100) would have been retried: one more call than the jobs make
        assertThat(total).as("calls TikTok saw, per second: " + perSecond).isEqualTo((long) jobs * callsPerJob);
        // Any w consecutive seconds hold at most the bucket (QPS) plus w seconds of refill, plus the calls that took
        // their token earlier and arrived late (one per scheduler thread of each node). Two nodes pacing alone
        // would send 2 x QPS a second: their 48 calls would land within 5 seconds, above 6 x QPS + 8.
        long first = perSecond.keySet().stream().mapToLong(Long::parseLong).min().orElseThrow();
        long last = perSecond.keySet().stream().mapToLong(Long::parseLong).max().orElseThrow();
        for (long from = first; from <= last; from++) {
            long sum = 0;
            for (long to = from; to <= last; to++) {
                sum += perSecond.getOrDefault(Long.toString(to), 0L);
                long seconds = to - from + 1;
                assertThat(sum).as("calls in the %d s from %d (per second: %s)", seconds, from, perSecond)
                        .isLessThanOrEqualTo(QPS * (seconds + 1) + 2L * THREADS);
            }
        }
    }

    /** Node A is killed while running jobs; B revives them once their heartbeats stop and finishes each once. */
    private void killedNodesJobsFinishOnTheOther(JdbcClient db, ApiClient onA, ChildApp.Child a, ChildApp.Child b,
            String ws, String run) throws Exception {
        String requestId = "nodes-kill-" + run;
        String cut = "cut-off-" + run;
        int jobs = 2 * THREADS;
        List<String> events = publish(onA, ws, Map.of("marker", cut, "count", 3, "firstSleepMillis", 600_000,
                "firstFails", false, "retrySleepMillis", 0));
        submit(onA, ws, requestId, Map.of("count", jobs, "sleepMillis", 5000, "tiktokCalls", 0));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> runs(db, requestId)
                .stream().anyMatch(r -> r.get("node").equals("A") && r.get("event").equals("started"))
                && attempts(db, cut, "started").size() == events.size());
        a.kill();
        Set<String> inFlightOnA = new HashSet<>();
        runs(db, requestId).stream().filter(r -> r.get("node").equals("A") && r.get("event").equals("started"))
                .forEach(r -> inFlightOnA.add(r.get("job_id").toString()));
        runs(db, requestId).stream().filter(r -> r.get("event").equals("finished"))
                .forEach(r -> inFlightOnA.remove(r.get("job_id").toString()));
        assertThat(inFlightOnA).as("jobs A was running when it was killed").isNotEmpty();
        System.out.println("TwoNodesIT: A was killed running " + inFlightOnA.size() + " of " + jobs + " jobs");

        awaitSucceeded(db, requestId, jobs, Duration.ofSeconds(120));
        List<Map<String, Object>> finished = runs(db, requestId).stream()
                .filter(r -> r.get("event").equals("finished")).toList();
        assertThat(finished.stream().map(r -> r.get("job_id").toString()))
                .as("each job finished once").hasSize(jobs).doesNotHaveDuplicates();
        assertThat(finished).filteredOn(r -> inFlightOnA.contains(r.get("job_id").toString()))
                .as("A's jobs finished on B").hasSize(inFlightOnA.size())
                .allSatisfy(r -> assertThat(r.get("node")).isEqualTo("B"));
        assertThat(db.sql("SELECT count(*) FROM jobs WHERE request_id = :r AND id IN (:ids) AND attempts = 2")
                .param("r", requestId).param("ids", inFlightOnA.stream().map(UUID::fromString).toList())
                .query(Long.class).single()).as("the killed attempt and B's").isEqualTo(inFlightOnA.size());
        assertThat(probeLog(b, "B").stream().filter(line -> inFlightOnA.contains(line.path("jobId").asString())))
                .as("B's log lines of A's revived jobs").hasSize(inFlightOnA.size())
                .allSatisfy(line -> assertThat(line.path("requestId").asString()).isEqualTo(requestId));

        // the events whose listeners died with A: B's recurring resubmission task, made due now, delivers them
        assertThat(attempts(db, cut, "finished")).as("A's listeners were cut off").isEmpty();
        age(db, cut);
        assertThat(db.sql("""
                        UPDATE scheduled_tasks SET execution_time = now()
                         WHERE task_name = 'event-publication-resubmit'""").update()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> attempts(db, cut, "finished").size() == events.size() && publications(db, cut) == 0);
        assertThat(attempts(db, cut, "finished")).as("each cut-off event delivered once, by B")
                .hasSize(events.size()).allSatisfy(r -> assertThat(r.get("node")).isEqualTo("B"));
        assertThat(attempts(db, cut, "started")).as("A's attempt and B's, per event").hasSize(2 * events.size());
    }

    private static List<String> publish(ApiClient node, String ws, Map<String, Object> body) {
        ApiClient.Response response = node.post(ws + "/node-probe/events", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("eventIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static int resubmit(ApiClient node, String ws) {
        return node.post(ws + "/node-probe/resubmit", Map.of()).status();
    }

    /**
     * Dates the publications of the marker's events, and their last attempt, back past the resubmission age (the
     * clock moving on).
     */
    private static void age(JdbcClient db, String marker) {
        db.sql("""
                        UPDATE event_publication
                           SET publication_date = publication_date - :age * interval '1 second',
                               last_resubmission_date = last_resubmission_date - :age * interval '1 second'
                         WHERE strpos(serialized_event, :m) > 0""")
                .param("age", RESUBMIT_OLDER_THAN.plusMinutes(1).toSeconds()).param("m", marker).update();
    }

    /** The attempts' rows ("started" or "finished") of the events whose ids start with the marker. */
    private static List<Map<String, Object>> attempts(JdbcClient db, String marker, String what) {
        return db.sql("""
                        SELECT event_id, node FROM node_probe_events
                         WHERE starts_with(event_id, :m) AND event = :what ORDER BY at""")
                .param("m", marker + "-").param("what", what).query().listOfRows();
    }

    private static long publications(JdbcClient db, String... markers) {
        long n = 0;
        for (String marker : markers) {
            n += db.sql("SELECT count(*) FROM event_publication WHERE strpos(serialized_event, :m) > 0")
                    .param("m", marker).query(Long.class).single();
        }
        return n;
    }

    private static List<String> submit(ApiClient node, String ws, String requestId, Map<String, Object> body) {
        ApiClient.Response response = node.post(ws + "/node-probe/jobs", body, Map.of("X-Request-Id", requestId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).contains(requestId);
        List<String> ids = new ArrayList<>();
        response.json().path("jobIds").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static void awaitSucceeded(JdbcClient db, String requestId, int jobs, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> db.sql("""
                        SELECT count(*) FROM jobs WHERE request_id = :r AND status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')""")
                .param("r", requestId).query(Long.class).single() == jobs);
        assertThat(db.sql("SELECT status, count(*) AS n FROM jobs WHERE request_id = :r GROUP BY status")
                .param("r", requestId).query().listOfRows()).as("jobs by status")
                .containsExactly(Map.of("status", "SUCCEEDED", "n", (long) jobs));
    }

    private static List<Map<String, Object>> runs(JdbcClient db, String requestId) {
        return db.sql("""
                        SELECT r.job_id, r.node, r.event FROM node_probe_runs r JOIN jobs j ON j.id = r.job_id
                        WHERE j.request_id = :r ORDER BY r.at""")
                .param("r", requestId).query().listOfRows();
    }

    /** The node's ECS JSON log lines saying a probe job finished there. */
    private static List<JsonNode> probeLog(ChildApp.Child node, String name) throws IOException {
        try (Stream<String> lines = Files.lines(node.log(), StandardCharsets.UTF_8)) {
            // whole lines only: the one being written may be cut
            return lines.filter(line -> line.startsWith("{") && line.endsWith("}")).map(ApiClient.JSON::readTree)
                    .filter(json -> json.path("message").asString().equals(NodeProbe.FINISHED + name)).toList();
        }
    }

    private static String[] with(String[] settings, String more) {
        String[] all = java.util.Arrays.copyOf(settings, settings.length + 1);
        all[settings.length] = more;
        return all;
    }

    /**
     * The Redis on 127.0.0.1:6379 when one answers; else a redis-server of this test's own on a free port. Without
     * either the test is skipped with the reason, or fails where Redis is required ({@code CI=true} or
     * {@code TTTOOLS_REQUIRE_REDIS=1}).
     */
    private String redisUrl() throws IOException {
        if (answersPing(6379)) {
            return "redis://127.0.0.1:6379";
        }
        if (!new File("/usr/bin/redis-server").canExecute()) {
            String message = "TwoNodesIT needs Redis on 127.0.0.1:6379 or redis-server: apt-get install redis-server";
            if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("TTTOOLS_REQUIRE_REDIS"))) {
                throw new IllegalStateException(message + " — required because CI=true or TTTOOLS_REQUIRE_REDIS=1");
            }
            Assumptions.abort(message);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ownRedis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(port), "--save", "",
                "--appendonly", "no", "--bind", "127.0.0.1").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> answersPing(port));
        return "redis://127.0.0.1:" + port;
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
