package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.StatementLog;
import com.tttools.app.support.TenantReads;
import com.tttools.app.support.Tenants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Row-level security must never change what a workspace request reads (docs/security.md, "Row-level security",
 * the audit of cross-workspace reads). A member of two workspaces A and B of one organization (ADMIN of A, ANALYST of
 * B, nothing in a third), with the same TikTok advertisers synced into both, saved views, alert rules and firings,
 * change sets, exchange rates and notifications in both and in none, opens every workspace route of A that answers
 * GET (found in the handler mappings: a new one fails here until it is added) and a few of its forms. Every statement
 * those requests run in the tenant context is recorded with its parameters ({@link TenantReads}) and run again twice
 * in one snapshot: as the login role, which row-level security does not restrict, and as the tenant role for A. The
 * two must read the same rows (writes: touch as many). A statement that reads less as the tenant either spans
 * workspaces on purpose (the membership switcher did, and was narrowed to A's memberships without notice), which must
 * then run as a {@code SYSTEM}-labelled transaction, or leaves A only through the policy instead of its own
 * {@code workspace_id} condition, which breaks the rule that every query names its workspace.
 */
class CrossWorkspaceReadsIT extends SimulatedWorkspaceTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Notifications notifications;

    private final List<String> wrongAnswers = new ArrayList<>();

    /** The organization, its three workspaces, the owner and the member of A and B; ids of A's things. */
    record World(Tenants.User owner, Tenants.User member, String org, String a, String b, String hidden,
            String connection, String job, String changeSet, Map<String, String> inventoryIds, LocalDate from,
            LocalDate to, String firing) {
    }

    @Test
    void everyStatementOfAWorkspaceRequestReadsAsTheTenantWhatTheLoginRoleReads() throws Exception {
        World world = twoWorkspacesAndAMemberOfBoth();
        Collection<TenantReads.Read> reads;
        TenantReads.arm();
        try {
            openEveryWorkspaceRouteOfA(world);
        } finally {
            reads = TenantReads.disarm();
        }

        List<String> differences = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (TenantReads.Read read : reads) {
                Set<String> named = TenantQueryRoutingIT.tablesNamed(read.sql());
                tables.addAll(named);
                if (named.equals(Set.of("event_publication"))) {
                    // Spring Modulith's registry: no workspace, no policy, so row-level security cannot change it; and
                    // its row is deleted when the listener completes (completion-mode delete), at any moment between
                    // the two replays, so a replayed INSERT races it (once: a key conflict, then 1 row)
                    continue;
                }
                String difference = compare(connection, read);
                if (difference != null) {
                    differences.add(difference);
                }
            }
        }
        differences.forEach(d -> System.out.println("RLS narrows: " + d));
        System.out.printf("Cross-workspace reads: %d tenant statements compared, tables %s%n", reads.size(), tables);
        assertThat(wrongAnswers).as("the member's requests").isEmpty();
        assertThat(reads.stream().map(TenantReads.Read::workspace).distinct())
                .as("every recorded statement ran in A's tenant context").containsExactly(UUID.fromString(world.a()));
        assertThat(tables).as("the requests read A's tenant tables").contains("inventory_entities",
                "report_daily_facts", "report_advertisers", "jobs", "tiktok_connection", "report_views", "alert_rules",
                "alert_firings", "bulk_change_sets", "bulk_change_lines", "bulk_policies", "notification_deliveries",
                "reporting_workspace_rates");
        assertThat(differences).as("statements whose rows change under row-level security").isEmpty();
    }

    /**
     * The same statement, parameters and snapshot as the login role and as A's tenant; null when both read the same
     * rows (in any order) or, for a write, touch as many (its changes rolled back).
     */
    private static String compare(Connection connection, TenantReads.Read read) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            try (Statement limits = connection.createStatement()) {
                limits.execute("SET LOCAL lock_timeout = '5s'");
                limits.execute("SET LOCAL statement_timeout = '30s'");
            }
            Savepoint before = connection.setSavepoint();
            String asLogin = run(connection, read);
            connection.rollback(before);
            TenantScope.enter(connection, read.workspace());
            String asTenant = run(connection, read);
            return asLogin.equals(asTenant) ? null
                    : read.line() + "\n    login role: " + abbreviate(asLogin) + "\n    tenant:     " + abbreviate(asTenant);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** What a run reads (its rows, sorted) or, for a write, how many rows it touched; an error by its SQLSTATE. */
    private static String run(Connection connection, TenantReads.Read read) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (PreparedStatement statement = connection.prepareStatement(read.sql())) {
            StatementLog.replay(new StatementLog.Recorded(read.sql(), read.setters()), statement);
            boolean rows = statement.execute();
            String head = read.sql().strip().toLowerCase(Locale.ROOT);
            boolean write = !(head.startsWith("select") || head.startsWith("with") && !head.matches(
                    "(?s).*\\b(insert|update|delete)\\b.*"));
            if (!rows) {
                return "touched " + statement.getUpdateCount();
            }
            List<String> all = new ArrayList<>();
            try (ResultSet result = statement.getResultSet()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(text(result.getObject(i)));
                    }
                    all.add(String.join("|", row));
                }
            }
            if (write) {
                return "returned " + all.size();
            }
            all.sort(null);
            return all.size() + " rows " + all;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return "error " + e.getSQLState();
        }
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Array array) {
            return Arrays.deepToString((Object[]) array.getArray());
        }
        return String.valueOf(value);
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    /**
     * Owner, organization, workspaces A, B and a hidden one; the member (organization MEMBER) is ADMIN of A and
     * ANALYST of B. A and B are connected to TikTok through the real flow (the same advertisers) and synced.
     */
    private World twoWorkspacesAndAMemberOfBoth() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("xws-owner");
        String org = tenants.createOrganization(owner, "Cross Reads Agency");
        String a = tenants.createWorkspace(owner, org, "Cross Reads A");
        String b = tenants.createWorkspace(owner, org, "Cross Reads B");
        String hidden = tenants.createWorkspace(owner, org, "Cross Reads Hidden");
        Tenants.User member = tenants.member(owner, org, "xws-member", "MEMBER", List.of(
                Map.of("workspaceId", a, "role", "ADMIN"), Map.of("workspaceId", b, "role", "ANALYST")));

        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(6);
        SimulatorApi sim = new SimulatorApi(port, json);
        Map<String, String> connections = new LinkedHashMap<>();
        for (String ws : List.of(a, b)) {
            String connection = sim.connect(owner.api(), ws);
            connections.put(ws, connection);
            WorkspaceId workspace = WorkspaceId.of(ws);
            awaitJobsFinished(workspace);
            runToSuccess(workspace, ReportSync.request(workspace,
                    new ReportSync.Payload(UUID.fromString(connection), from, to)));
        }

        String firingA = null;
        String changeSetA = null;
        for (String ws : List.of(a, b)) {
            String api = "/api/v1/workspaces/" + ws;
            Tenants.expect(member.api().post(api + "/report-views", Map.of("name", "Mine", "visibility", "PRIVATE",
                    "query", Map.of("level", "CAMPAIGN", "from", from.toString(), "to", to.toString()))), 201);
            Tenants.expect(owner.api().post(api + "/report-views", Map.of("name", "Shared", "visibility", "WORKSPACE",
                    "query", Map.of("level", "CAMPAIGN", "from", from.toString(), "to", to.toString()))), 201);
            String rule = Tenants.expect(owner.api().post(api + "/alert-rules", Map.of("name", "Spend " + ws,
                    "kind", "SPEND_TODAY", "level", "CAMPAIGN", "threshold", 100)), 201).json().get("id").asString();
            String firing = UUID.randomUUID().toString();
            jdbc.sql("""
                            INSERT INTO alert_firings (id, workspace_id, rule_id, entity_id, entity_name, advertiser_id,
                                dedup_key, value, message, fired_at)
                            VALUES (:id, :ws, :rule, 'c1', 'Campaign one', 'a1', :dedup, 150, 'Spend 150', now())""")
                    .param("id", UUID.fromString(firing)).param("ws", UUID.fromString(ws))
                    .param("rule", UUID.fromString(rule)).param("dedup", "xws-" + firing).update();
            jdbc.sql("""
                            INSERT INTO reporting_workspace_rates (workspace_id, currency, rate_date, per_eur, updated_at)
                            VALUES (:ws, 'USD', :day, 1.08, now())""")
                    .param("ws", UUID.fromString(ws)).param("day", to).update();
            // the planner of A's change set is the member (ADMIN there); B's is the owner's
            String changeSet = plan(ws.equals(a) ? member : owner, ws);
            if (ws.equals(a)) {
                firingA = firing;
                changeSetA = changeSet;
            }
        }
        UserId memberId = UserId.of(member.id());
        // the member's inbox: a notice of A, one of B and one of their account (no workspace)
        for (String ws : Arrays.asList(a, b, null)) {
            notifications.notify(new NotificationRequest("connection.error", memberId,
                    ws == null ? null : WorkspaceId.of(ws), "Notice " + ws, "Body", null, null, List.of(),
                    Set.of(Channel.IN_APP, Channel.EMAIL)));
        }

        WorkspaceId workspaceA = WorkspaceId.of(a);
        String job = jobs.list(workspaceA, new JobFilter(null, null), 1, null).items().get(0).jobId().value().toString();
        Map<String, String> inventoryIds = new LinkedHashMap<>();
        for (String collection : List.of("advertisers", "campaigns", "ad-groups", "ads")) {
            JsonNode items = owner.api().get("/api/v1/workspaces/" + a + "/" + collection + "?limit=1").json()
                    .path("items");
            if (!items.isEmpty()) {
                inventoryIds.put(collection, items.get(0).path("id").asString());
            }
        }
        return new World(owner, member, org, a, b, hidden, connections.get(a), job, changeSetA, inventoryIds, from, to,
                firingA);
    }

    private void awaitJobsFinished(WorkspaceId workspace) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<JobView> all = jobs.list(workspace, new JobFilter(null, null), 50, null).items();
            return !all.isEmpty() && all.stream().allMatch(j -> j.status().finished());
        });
        assertThat(jobs.list(workspace, new JobFilter(null, JobStatus.FAILED), 5, null).items())
                .as("the first asset sync").isEmpty();
    }

    /** Pauses two enabled ads through a change set (planning reads TikTok; a loaded machine may answer 502 once). */
    private String plan(Tenants.User planner, String ws) {
        String api = "/api/v1/workspaces/" + ws;
        List<String> ads = planner.api().get(api + "/ads?limit=500").json().get("items").valueStream()
                .filter(ad -> "ENABLE".equals(ad.path("details").path("operationStatus").asString()))
                .map(ad -> ad.path("tiktokId").asString()).limit(2).toList();
        assertThat(ads).as("enabled ads in " + ws).hasSize(2);
        ApiClient.Response plan = null;
        for (int attempt = 1; attempt <= 3 && (plan == null || plan.status() == 502); attempt++) {
            plan = planner.api().post(api + "/bulk-operations", Map.of("action", "PAUSE", "level", "AD",
                    "targets", ads), Map.of("Idempotency-Key", "xws-" + ws + "-" + attempt));
        }
        return Tenants.expect(plan, 201).json().get("id").asString();
    }

    /** Every workspace GET route (each must have paths here), a few forms, and the pages' htmx sections. */
    private void openEveryWorkspaceRouteOfA(World w) {
        String page = "/workspaces/" + w.a();
        String api = "/api/v1/workspaces/" + w.a();
        String range = "from=" + w.from() + "&to=" + w.to();
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put("/workspaces/{wsId}", List.of(page));
        routes.put("/workspaces/{wsId}/home/overview", List.of(page + "/home/overview"));
        routes.put("/workspaces/{wsId}/home/checklist", List.of(page + "/home/checklist"));
        routes.put("/workspaces/{wsId}/reports", List.of(page + "/reports?level=CAMPAIGN&" + range,
                page + "/reports?level=AD&groupBy=entity&" + range));
        routes.put("/workspaces/{wsId}/reports/sections", List.of("summary", "entities", "days", "ledger").stream()
                .map(part -> page + "/reports/sections?level=CAMPAIGN&metric=spend&part=" + part + "&" + range).toList());
        routes.put("/workspaces/{wsId}/inventory", List.of(page + "/inventory"));
        routes.put("/workspaces/{wsId}/inventory/{collection}", List.of("advertisers", "campaigns", "ad-groups", "ads")
                .stream().map(c -> page + "/inventory/" + c + "?period=last7").toList());
        routes.put("/workspaces/{wsId}/inventory/{collection}/{id}", w.inventoryIds().entrySet().stream()
                .map(e -> page + "/inventory/" + e.getKey() + "/" + e.getValue()).toList());
        routes.put("/workspaces/{wsId}/jobs", List.of(page + "/jobs"));
        routes.put("/workspaces/{wsId}/jobs/{jobId}", List.of(page + "/jobs/" + w.job()));
        routes.put("/workspaces/{wsId}/jobs/{jobId}/progress", List.of(page + "/jobs/" + w.job() + "/progress"));
        routes.put("/workspaces/{wsId}/connections", List.of(page + "/connections"));
        routes.put("/workspaces/{wsId}/alerts", List.of(page + "/alerts"));
        routes.put("/workspaces/{wsId}/bulk-operations", List.of(page + "/bulk-operations"));
        routes.put("/workspaces/{wsId}/bulk-operations/new", List.of(page + "/bulk-operations/new?level=AD"));
        routes.put("/workspaces/{wsId}/bulk-operations/{id}", List.of(page + "/bulk-operations/" + w.changeSet()));
        routes.put("/workspaces/{wsId}/bulk-operations/{id}/progress",
                List.of(page + "/bulk-operations/" + w.changeSet() + "/progress"));
        routes.put("/workspaces/{wsId}/bulk-policy", List.of(page + "/bulk-policy"));
        routes.put("/workspaces/{wsId}/deliveries", List.of(page + "/deliveries"));
        routes.put("/workspaces/{wsId}/settings", List.of(page + "/settings"));
        routes.put("/workspaces/{wsId}/settings/exchange-rates", List.of(page + "/settings/exchange-rates"));
        routes.put("/api/v1/workspaces/{wsId}", List.of(api));
        routes.put("/api/v1/workspaces/{wsId}/alert-rules", List.of(api + "/alert-rules"));
        routes.put("/api/v1/workspaces/{wsId}/bulk-policy", List.of(api + "/bulk-policy"));
        routes.put("/api/v1/workspaces/{wsId}/bulk-operations", List.of(api + "/bulk-operations"));
        routes.put("/api/v1/workspaces/{wsId}/bulk-operations/{id}", List.of(api + "/bulk-operations/" + w.changeSet()));
        routes.put("/api/v1/workspaces/{wsId}/connections", List.of(api + "/connections"));
        routes.put("/api/v1/workspaces/{wsId}/connections/{id}", List.of(api + "/connections/" + w.connection()));
        routes.put("/api/v1/workspaces/{wsId}/deliveries", List.of(api + "/deliveries"));
        routes.put("/api/v1/workspaces/{wsId}/jobs", List.of(api + "/jobs"));
        routes.put("/api/v1/workspaces/{wsId}/jobs/{jobId}", List.of(api + "/jobs/" + w.job()));
        routes.put("/api/v1/workspaces/{wsId}/members", List.of(api + "/members"));
        routes.put("/api/v1/workspaces/{wsId}/report-views", List.of(api + "/report-views"));
        routes.put("/api/v1/workspaces/{wsId}/reports", List.of(api + "/reports?level=CAMPAIGN&groupBy=date&" + range,
                api + "/reports?level=AD&groupBy=entity&" + range));
        routes.put("/api/v1/workspaces/{wsId}/reports.csv", List.of(api + "/reports.csv?level=CAMPAIGN&" + range));
        routes.put("/api/v1/workspaces/{wsId}/reports/finality", List.of(api + "/reports/finality?" + range));
        routes.put("/api/v1/workspaces/{wsId}/{collection}", List.of("business-centers", "advertisers",
                "tiktok-accounts", "pixels", "catalogs", "audiences", "campaigns", "ad-groups", "ads").stream()
                .map(c -> api + "/" + c).toList());
        routes.put("/api/v1/workspaces/{wsId}/{collection}/{id}", w.inventoryIds().entrySet().stream()
                .map(e -> api + "/" + e.getKey() + "/" + e.getValue()).toList());

        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            boolean get = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
            info.getPatternValues().stream().filter(p -> get && p.contains("{wsId}")).forEach(mapped::add);
        }
        assertThat(routes.keySet()).as("every workspace route answering GET has its paths in this test")
                .containsAll(mapped);
        assertThat(routes.get("/workspaces/{wsId}/inventory/{collection}/{id}")).as("A's inventory").isNotEmpty();

        ApiClient member = w.member().api();
        for (List<String> paths : routes.values()) {
            for (String path : paths) {
                String accept = path.startsWith("/api/") ? "application/json" : "text/html";
                expect(member.get(path, "Accept", path.contains(".csv") ? "text/csv" : accept), 200, path);
            }
        }
        // the pages' lazy parts as htmx asks for them
        for (String path : List.of(page + "/home/overview", page + "/home/checklist")) {
            expect(member.get(path, "Accept", "text/html", "HX-Request", "true"), 200, "htmx " + path);
        }
        // forms of A that read before they write
        expect(member.postForm(page + "/alerts/backtest", form(Map.of("name", "Try", "kind", "SPEND_TODAY",
                "level", "CAMPAIGN", "threshold", "10")), true, "Accept", "text/html"), 200, "alert backtest");
        expect(member.postForm(page + "/alerts/firings/" + w.firing() + "/acknowledge", "", true, "Accept",
                "text/html"), 302, "acknowledge A's firing");
        expect(member.postForm(page + "/settings/exchange-rates", form(Map.of("currency", "GBP", "date",
                w.to().toString(), "perEur", "0.85")), true, "Accept", "text/html"), 302, "an exchange rate");
        expect(member.postForm(page + "/reports/views", form(Map.of("name", "From the page", "visibility", "PRIVATE",
                "query", "{\"level\":\"CAMPAIGN\",\"from\":\"" + w.from() + "\",\"to\":\"" + w.to() + "\"}")), true, "Accept",
                "text/html"), 302, "a saved view from the page");
        expect(member.post(api + "/alert-rules", Map.of("name", "With recipients", "kind", "SPEND_TODAY", "level",
                "CAMPAIGN", "threshold", 50, "recipients", List.of(w.member().id(), w.owner().id()))), 201,
                "an alert rule whose recipients are checked");
        expect(member.put(api + "/bulk-policy", member.get(api + "/bulk-policy").json()), 200, "the bulk policy again");
        expect(w.owner().api().post(api + "/bulk-operations/" + w.changeSet() + "/approve", Map.of("comment", "Fine")),
                200, "the owner approves the member's change set");
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    /** Every wrong answer of the flow is collected, so one run shows them all; the test fails on them at the end. */
    private void expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            wrongAnswers.add(what + " answered " + response.status() + " (expected " + status + "): "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

}
