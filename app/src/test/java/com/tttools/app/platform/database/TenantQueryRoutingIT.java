package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementLog;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimulatorControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * The Citus path of docs/operations.md ("Distributed PostgreSQL (Citus)"): Citus routes a query to one shard only
 * when it names the distribution column. This test records every statement the application prepares (any thread)
 * while a workspace is set up, synced from the simulator, read through its pages and API, connected to TikTok
 * through OAuth (checked, disconnected with a revocation left to retry), changed through a change set (planned,
 * approved, applied, reverted), and exported (a user's and an organization's data), then runs each again
 * under {@code EXPLAIN} with the parameters it ran with, and fails on any scan of a table {@link CitusPlan} shards
 * by {@code workspace_id} whose plan has no {@code workspace_id} condition (its filter or index condition, or the
 * join condition that reaches it), unless {@link #CROSS_TENANT} names the statement and says why it spans every
 * workspace. No statement is let through for addressing a row by its id alone: a system path that starts from an
 * id (a sweep, a db-scheduler task) carries the row's workspace with it. It also checks that the plan classifies every table of the schema and that the document lists each.
 */
class TenantQueryRoutingIT extends IntegrationTest {

    /**
     * Statements that deliberately read or write every workspace (system tasks), each named by a fragment of its
     * SQL and the reason. Citus runs them on all shards in parallel; they are rare and not on a request's path.
     */
    static final Map<String, String> CROSS_TENANT = new LinkedHashMap<>();

    static {
        CROSS_TENANT.put("DELETE FROM jobs WHERE id IN (", "retention: finished jobs past their retention, every workspace (JobRetention)");
        CROSS_TENANT.put("SELECT status, count(*) AS n FROM jobs", "the tttools_jobs gauge: queued and running jobs of all workspaces (JobMetrics)");
        CROSS_TENANT.put("WHERE status <> 'DISCONNECTED' AND status <> 'NEEDS_REAUTH'", "connection health check: connections due for their check, every workspace");
        CROSS_TENANT.put("UPDATE tiktok_connection SET last_checked_at = NULL", "simulator reset: every live connection due for its check now (development only)");
        CROSS_TENANT.put("WHERE kind = 'TT_USER'", "TikTok-account tokens about to expire, every workspace (expiry warnings and refresh)");
        CROSS_TENANT.put("WHERE key_id <> ? ORDER BY connection_id, kind", "key rotation at start-up: tokens sealed with an old key, every workspace");
        CROSS_TENANT.put("FROM bulk_change_sets WHERE status = 'AWAITING_APPROVAL' AND expires_at", "change-set clock: unapproved change sets past their expiry");
        CROSS_TENANT.put("FROM bulk_change_sets WHERE status = 'SCHEDULED' AND next_run_at", "change-set clock: scheduled change sets now due");
        CROSS_TENANT.put("FROM bulk_change_sets WHERE status = 'APPLYING' AND started_at", "change-set clock: applying change sets whose apply job ended");
        CROSS_TENANT.put("UPDATE alert_firings SET escalated_at =", "alert escalation: unacknowledged firings due for e-mail, every workspace");
        CROSS_TENANT.put("UPDATE bulk_change_sets SET created_by_email =", "erasure: a user's e-mail replaced in every workspace's change sets");
        CROSS_TENANT.put("UPDATE bulk_approvals SET user_email =", "erasure: a user's e-mail replaced in every workspace's approvals");
        CROSS_TENANT.put("DELETE FROM report_views WHERE owner_id", "a departing user's private saved views, in every workspace");
        CROSS_TENANT.put("UPDATE bulk_change_sets SET idempotency_key = NULL WHERE idempotency_key IS NOT NULL AND created_at <", "change-set clock: idempotency keys older than 24 h forgotten in every workspace");
        CROSS_TENANT.put("SELECT id FROM jobs WHERE idempotency_key IS NOT NULL AND created_at <", "idempotency purge: job keys older than 24 h forgotten in every workspace");
        // recurring sweeps that may run while the flows run (which ones do depends on timing)
        CROSS_TENANT.put("SELECT DISTINCT workspace_id FROM alert_rules WHERE enabled", "alert sweep: every 15 minutes, the workspaces with enabled rules");
        CROSS_TENANT.put("UPDATE tiktok_connection c SET expiry_warned_for = t.expires_at FROM tiktok_token t", "token-expiry sweep: refresh tokens running out, in every workspace, warned once");
        CROSS_TENANT.put("UPDATE report_sync_state SET stale_notified_at = ? WHERE workspace_id IN (SELECT workspace_id FROM report_sync_state WHERE stale_notified_at IS NULL", "stale-data sweep: workspaces without a successful report sync for hours, notified once");
        CROSS_TENANT.put("FROM report_views v LEFT JOIN workspaces w ON w.id = v.workspace_id WHERE v.owner_id", "a user's personal-data export: their saved views in every workspace");

    }

    /** Where a plan node keeps the conditions that may carry workspace_id. */
    private static final List<String> CONDITIONS = List.of("Filter", "Index Cond", "Recheck Cond", "Join Filter",
            "Hash Cond", "Merge Cond", "TID Cond");
    private static final List<String> JOIN_CONDITIONS = List.of("Join Filter", "Hash Cond", "Merge Cond");

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulator;
    @Autowired
    TikTokTokenStore tokens;
    @Autowired
    Jobs jobs;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.tttools.app.notifications.alerts.AlertEvaluator evaluator;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    private final List<String> wrongAnswers = new ArrayList<>();

    @Test
    void everyQueryOfATenantTableNamesItsWorkspace() throws Exception {
        Collection<StatementLog.Recorded> recorded;
        StatementLog.start();
        try {
            Flow flow = exerciseAWorkspace();
            exerciseAChangeSet(flow); // before the OAuth connection's disconnect, which ends the ads' TikTok access
            exerciseAConnection(flow);
            exerciseNotificationsAndExports(flow);
        } finally {
            recorded = StatementLog.stop();
        }

        List<String> problems = new ArrayList<>();
        Set<String> tenantStatements = new TreeSet<>();
        Set<String> allowedSeen = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (StatementLog.Recorded statement : recorded) {
                String sql = statement.sql().strip();
                if (!explainable(sql) || tablesNamed(sql).stream().noneMatch(CitusPlan.DISTRIBUTED::contains)) {
                    continue;
                }
                tenantStatements.add(sql);
                JsonNode plan;
                try {
                    plan = explain(connection, statement);
                } catch (SQLException e) {
                    if (insertFromSessionTable(sql, e)) {
                        continue;
                    }
                    problems.add("could not EXPLAIN (" + e.getMessage().lines().findFirst().orElse("") + "): "
                            + oneLine(sql));
                    continue;
                }
                List<String> unrouted = new ArrayList<>();
                unroutedScans(plan.path("Plan"), List.of(), unrouted);
                if (unrouted.isEmpty()) {
                    continue;
                }
                String allowed = CROSS_TENANT.keySet().stream().filter(oneLine(sql)::contains).findFirst().orElse(null);
                if (allowed != null) {
                    allowedSeen.add(allowed);
                } else {
                    problems.add("no workspace_id condition on " + unrouted + ": " + oneLine(sql));
                }
            }
        }
        problems.forEach(p -> System.out.println("CITUS " + p));
        wrongAnswers.forEach(w -> System.out.println("CITUS flow: " + w));
        System.out.printf("Citus routing: %d recorded statements, %d on tenant tables, allowed ones seen: %s%n",
                recorded.size(), tenantStatements.size(), allowedSeen);
        assertThat(tenantStatements).as("statements on tenant tables were recorded").hasSizeGreaterThan(30);
        Set<String> tablesSeen = new TreeSet<>();
        tenantStatements.forEach(sql -> tablesSeen.addAll(tablesNamed(sql)));
        assertThat(tablesSeen).as("the flows reached these tenant tables").containsAll(List.of("tiktok_connection",
                "tiktok_token", "tiktok_pending_revocation", "jobs", "inventory_entities", "report_daily_facts",
                "report_views", "bulk_change_sets", "bulk_change_lines", "bulk_approvals", "bulk_guardrail_ledger",
                "alert_rules"));
        assertThat(problems).as("statements of tenant tables without a workspace_id condition").isEmpty();
        assertThat(wrongAnswers).as("the flow's requests").isEmpty();
    }

    @Test
    void thePlanNamesEveryTableOnceAndTheDocumentListsIt() throws IOException {
        List<String> tables = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition""")
                .query(String.class).list();
        Set<String> planned = new HashSet<>();
        for (Collection<String> set : List.of(CitusPlan.DISTRIBUTED, CitusPlan.REFERENCE, CitusPlan.LOCAL.keySet())) {
            for (String table : set) {
                assertThat(planned.add(table)).as(table + " is in one set only").isTrue();
            }
        }
        assertThat(planned).as("every table of the schema has its place in the plan, and no other")
                .containsExactlyInAnyOrderElementsOf(tables);
        jdbc.sql("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND column_name = 'workspace_id' AND is_nullable = 'NO'").query(String.class).list()
                .stream().filter(CitusPlan.DISTRIBUTED::contains).forEach(planned::remove);
        assertThat(CitusPlan.DISTRIBUTED).as("every distributed table has a NOT NULL workspace_id")
                .doesNotContainAnyElementsOf(planned);

        String doc = Files.readString(docs().resolve("operations.md"));
        for (String table : CitusPlan.DISTRIBUTED) {
            assertThat(doc).contains("'" + table + "'");
        }
        for (String table : CitusPlan.REFERENCE) {
            assertThat(doc).contains("create_reference_table('" + table + "')");
        }
        for (String table : CitusPlan.LOCAL.keySet()) {
            assertThat(doc).contains("`" + table + "`");
        }
        for (String table : CitusPlan.DISTRIBUTED) {
            List<String> keys = jdbc.sql("""
                            SELECT pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u')""")
                    .param(table).query(String.class).list();
            assertThat(keys).as(table + ": Citus needs workspace_id in every primary key and unique constraint")
                    .allMatch(key -> key.contains("workspace_id"));
            List<String> unique = jdbc.sql("""
                            SELECT pg_get_indexdef(indexrelid) FROM pg_index
                            WHERE indrelid = to_regclass(?) AND indisunique""")
                    .param(table).query(String.class).list();
            assertThat(unique).as(table + ": and in every unique index").allMatch(key -> key.contains("workspace_id"));
        }
    }

    /** Sign-up to reports: a synced workspace read through its pages and API, a saved view, an alert rule. */
    private Flow exerciseAWorkspace() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("citus-routing");
        String org = tenants.createOrganization(owner, "Routing Org");
        String ws = tenants.createWorkspace(owner, org, "Routing WS");
        WorkspaceId workspace = WorkspaceId.of(ws);
        SimulatorControl control = EmbeddedSimulator.control(simulator);
        List<String> advertisers = control.advertiserIds().subList(0, 2);
        UUID connection = UUID.randomUUID();
        tokens.storeAccessToken(workspace, connection,
                new AccessToken(control.issueAccessToken("7000000000000000001", advertisers)));
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(12);
        LocalDate from = to.minusDays(6);
        var facts = jobs.submit(JobRequest.of(workspace, ReportSync.JOB, new ReportSync.Payload(connection, from, to)));
        var assets = jobs.submit(JobRequest.of(workspace, com.tttools.app.inventory.AssetSync.JOB,
                new com.tttools.app.inventory.AssetSync.Payload(connection)));
        for (var submitted : List.of(facts, assets)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> jobs.find(workspace, submitted.jobId()).orElseThrow()
                    .status(), s -> s == JobStatus.SUCCEEDED);
        }
        ApiClient api = owner.api();
        String range = "&from=" + from + "&to=" + to;
        String base = "/api/v1/workspaces/" + ws;
        for (String path : List.of(base + "/reports?level=CAMPAIGN&groupBy=date" + range,
                base + "/reports?level=AD&groupBy=entity" + range, base + "/reports/finality?from=" + from + "&to=" + to, base + "/jobs",
                base + "/connections", base + "/campaigns", base + "/ads", base + "/report-views",
                base + "/alert-rules", base + "/bulk-operations", base + "/bulk-policy", "/api/v1/me")) {
            expect(api.get(path), 200, path);
        }
        expect(api.get(base + "/reports.csv?level=CAMPAIGN" + range, "Accept", "text/csv"), 200, "reports.csv");
        expect(api.get(base + "/jobs/" + facts.jobId().value()), 200, "job");
        Tenants.expect(api.post(base + "/report-views", Map.of("name", "Spend", "visibility", "WORKSPACE",
                "query", Map.of("level", "CAMPAIGN", "from", from.toString(), "to", to.toString()))), 201);
        String rule = Tenants.expect(api.post(base + "/alert-rules", Map.of("name", "Routing rule", "kind",
                "SPEND_TODAY", "level", "CAMPAIGN", "threshold", 100)), 201).json().get("id").asString();
        evaluator.evaluate(workspace, java.time.Instant.now());
        String page = "/workspaces/" + ws;
        for (String path : List.of(page, page + "/home/overview", page + "/home/checklist",
                page + "/reports?level=CAMPAIGN" + range,
                page + "/reports/sections?level=CAMPAIGN&metric=spend&part=summary" + range,
                page + "/reports/sections?level=CAMPAIGN&metric=spend&part=entities" + range,
                page + "/inventory/campaigns", page + "/jobs", page + "/connections", page + "/alerts",
                page + "/bulk-operations", page + "/settings/exchange-rates")) {
            expect(api.get(path, "Accept", "text/html"), 200, path);
        }
        expect(api.delete(base + "/alert-rules/" + rule), 204, "delete alert rule");
        return new Flow(tenants, owner, org, ws);
    }

    private record Flow(Tenants tenants, Tenants.User owner, String org, String ws) {
        String base() {
            return "/api/v1/workspaces/" + ws;
        }
    }

    /**
     * A TikTok connection made through OAuth (its first asset sync runs), health-checked on demand, then
     * disconnected while TikTok fails the revocation, whose retry task is then run at once.
     */
    private void exerciseAConnection(Flow flow) {
        ApiClient api = flow.owner().api();
        SimulatorApi sim = new SimulatorApi(port, json);
        ApiClient.Response started = api.post(flow.base() + "/connections/tiktok", null);
        expect(started, 201, "start a connection");
        if (started.status() != 201) {
            return;
        }
        sim.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        HttpResponse<String> consent = Http.get(started.json().get("authorizationUrl").asString());
        URI callback = URI.create(consent.headers().firstValue("Location").orElseThrow());
        expect(api.get(callback.getRawPath() + "?" + callback.getRawQuery()), 302, "OAuth callback");
        String id = api.get(flow.base() + "/connections").json().get("items").get(0).get("id").asString();
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonNode items = api.get(flow.base() + "/jobs?type=tiktok.asset-sync").json().get("items");
            return !items.isEmpty() && items.valueStream().allMatch(job ->
                    List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asString()));
        });
        expect(api.post(flow.base() + "/connections/" + id + "/check", null), 200, "connection check");
        sim.control("POST", "/_sim/faults", Map.of("path", "/oauth2/revoke_token/", "httpStatus", 503, "rate", 1.0));
        try {
            expect(api.delete(flow.base() + "/connections/" + id), 204, "disconnect");
        } finally {
            sim.control("DELETE", "/_sim/faults", null);
        }
        // the revocation's retry is due in a minute: make it due now, and wait for it to run
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'tiktok-token-revocation'"
                + " AND task_data IS NOT NULL AND picked = FALSE AND task_instance IN (SELECT id::text || '-0'"
                + " FROM tiktok_pending_revocation WHERE workspace_id = :ws)")
                .param("ws", UUID.fromString(flow.ws())).update();
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM tiktok_pending_revocation WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(flow.ws())).query(Long.class).single() == 0);
    }

    /** Two ads paused through a change set an operator plans and the owner approves, then reverted the same way. */
    private void exerciseAChangeSet(Flow flow) {
        Tenants.User operator = flow.tenants().member(flow.owner(), flow.org(), "citus-operator", "MEMBER",
                List.of(Map.of("workspaceId", flow.ws(), "role", "OPERATOR")));
        List<String> ads = flow.owner().api().get(flow.base() + "/ads?limit=500").json().get("items").valueStream()
                .filter(ad -> "ENABLE".equals(ad.path("details").path("operationStatus").asString()))
                .map(ad -> ad.path("tiktokId").asString()).limit(2).toList();
        if (ads.size() < 2) {
            wrongAnswers.add("the synced workspace has fewer than two enabled ads");
            return;
        }
        // planning reads the ads' current values from TikTok; on a loaded machine the simulator may miss the read
        // timeout, which the API answers 502 "Try again" (nothing planned): so the test tries again, twice
        ApiClient.Response plan = null;
        for (int attempt = 1; attempt <= 3 && (plan == null || plan.status() == 502); attempt++) {
            plan = operator.api().post(flow.base() + "/bulk-operations", Map.of("action", "PAUSE", "level", "AD",
                    "targets", ads), Map.of("Idempotency-Key", "citus-" + attempt));
        }
        String planned = changeSet(flow, operator, plan);
        if (planned != null) {
            String revert = changeSet(flow, operator,
                    operator.api().post(flow.base() + "/bulk-operations/" + planned + "/revert", null));
            expect(flow.owner().api().get("/workspaces/" + flow.ws() + "/bulk-operations/" + revert, "Accept",
                    "text/html"), 200, "change set page");
        }
    }

    /** Approves, applies and awaits the planned change set; returns its id (null when planning failed). */
    private String changeSet(Flow flow, Tenants.User operator, ApiClient.Response plannedResponse) {
        expect(plannedResponse, 201, "plan a change set");
        if (plannedResponse.status() != 201) {
            return null;
        }
        String id = plannedResponse.json().get("id").asString();
        String path = flow.base() + "/bulk-operations/" + id;
        expect(flow.owner().api().post(path + "/approve", Map.of("comment", "Fine")), 200, "approve");
        expect(operator.api().post(path + "/apply", null), 202, "apply");
        String status = await().atMost(Duration.ofMinutes(2)).until(
                () -> flow.owner().api().get(path).json().path("status").asString(),
                s -> !s.equals("APPLYING") && !s.equals("APPROVED"));
        if (!status.equals("SUCCEEDED")) {
            wrongAnswers.add("change set " + id + " ended " + status);
        }
        return id;
    }

    /** The in-app notifications the change sets raised, deliveries, preferences, a user's and the org's export. */
    private void exerciseNotificationsAndExports(Flow flow) {
        ApiClient api = flow.owner().api();
        JsonNode items = api.get("/api/v1/me/notifications?limit=100").json().path("items");
        if (!items.isEmpty()) {
            expect(api.post("/api/v1/me/notifications/" + items.get(0).get("id").asString() + "/read", null), 204,
                    "mark read");
        }
        for (String path : List.of(flow.base() + "/deliveries", "/api/v1/me/notification-preferences",
                "/api/v1/me/export")) {
            expect(api.get(path), 200, path);
        }
        for (String exports : List.of("/api/v1/me/exports", "/api/v1/organizations/" + flow.org() + "/exports")) {
            ApiClient.Response started = api.post(exports, null);
            expect(started, 202, exports);
            if (started.status() == 202) {
                String status = exports + "/" + started.json().get("id").asString();
                await().atMost(Duration.ofMinutes(1)).until(() -> api.get(status).json().path("status").asString(),
                        s -> s.equals("READY") || s.equals("FAILED"));
                expect(api.get(status + "/download", "Accept", "application/zip"), 200, status + "/download");
            }
        }
    }

    /** The flow goes on past a wrong answer (so one run shows every finding); the test fails on it at the end. */
    private void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            wrongAnswers.add(what + " answered " + response.status() + " (expected " + status + "): "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    private static final Pattern MISSING = Pattern.compile("relation \"([a-z_][a-z0-9_]*)\" does not exist");
    private static final Pattern INSERT_TARGET = Pattern.compile("(?i)^insert\\s+into\\s+([a-z_][a-z0-9_]*)");

    /**
     * An INSERT ... SELECT from a temporary table of the writing session (the inventory sync stages a page in one)
     * cannot be explained on another connection. It is routed all the same: the only tenant table it names is the
     * one it inserts into, and Citus routes inserted rows by their workspace_id value.
     */
    static boolean insertFromSessionTable(String sql, SQLException e) {
        Matcher missing = MISSING.matcher(String.valueOf(e.getMessage()));
        Matcher target = INSERT_TARGET.matcher(sql);
        if (!missing.find() || CitusPlan.DISTRIBUTED.contains(missing.group(1)) || !target.find()) {
            return false;
        }
        Set<String> tenantTables = new HashSet<>(tablesNamed(sql));
        tenantTables.retainAll(CitusPlan.DISTRIBUTED);
        return tenantTables.equals(Set.of(target.group(1).toLowerCase(Locale.ROOT)))
                && sql.toLowerCase(Locale.ROOT).contains("workspace_id");
    }

    private static boolean explainable(String sql) {
        String head = sql.toLowerCase(Locale.ROOT);
        return head.startsWith("select") || head.startsWith("with") || head.startsWith("insert")
                || head.startsWith("update") || head.startsWith("delete");
    }

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|using)\\s+([a-z_][a-z0-9_]*)");

    /** The tables a statement names after FROM, JOIN, INTO, UPDATE or USING (a cheap filter before EXPLAIN). */
    static Set<String> tablesNamed(String sql) {
        Set<String> tables = new HashSet<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (sql.contains("inventory_entity_labels")) {
            tables.add("inventory_entities");
        }
        return tables;
    }

    private static JsonNode explain(Connection connection, StatementLog.Recorded statement) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + statement.sql())) {
            StatementLog.replay(statement, explain);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return ApiClient.JSON.readTree(rs.getString(1)).get(0);
            }
        }
    }

    /**
     * Adds the tenant tables scanned under {@code node} without a workspace_id condition of their own (or of an
     * index they are read through) or of a join above them.
     */
    private static void unroutedScans(JsonNode node, List<String> joinConditions, List<String> unrouted) {
        String relation = node.path("Relation Name").asString("");
        if (CitusPlan.DISTRIBUTED.contains(relation) && !"ModifyTable".equals(node.path("Node Type").asString(""))) {
            StringBuilder conditions = new StringBuilder(String.join(" ", joinConditions));
            collectConditions(node, conditions, true);
            if (!conditions.toString().contains("workspace_id")) {
                unrouted.add(relation);
            }
        }
        List<String> below = new ArrayList<>(joinConditions);
        for (String key : JOIN_CONDITIONS) {
            below.add(node.path(key).asString(""));
        }
        for (JsonNode child : node.path("Plans")) {
            unroutedScans(child, below, unrouted);
        }
    }

    /** A scan's own conditions and those of the index scans under it (a bitmap heap scan's). */
    private static void collectConditions(JsonNode node, StringBuilder into, boolean self) {
        if (!self && node.has("Relation Name")) {
            return;
        }
        for (String key : CONDITIONS) {
            into.append(' ').append(node.path(key).asString(""));
        }
        for (JsonNode child : node.path("Plans")) {
            collectConditions(child, into, false);
        }
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ");
    }

    private static Path docs() {
        Path fromModule = Path.of("..", "docs").toAbsolutePath().normalize();
        return Files.isDirectory(fromModule) ? fromModule : Path.of("docs").toAbsolutePath();
    }
}
