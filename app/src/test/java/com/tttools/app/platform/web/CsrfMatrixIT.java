package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.AppRoutes;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.InventoryRows;
import com.tttools.app.support.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security check 20 (docs/security-tests.md): every GET route changes no row of the tenant; every state-changing
 * route of the application (POST, PUT, PATCH, DELETE; routes from the running handler mappings via {@link AppRoutes},
 * so a new route is covered without a change here), sent with
 * a live session cookie but no CSRF token or a wrong one, is refused with 403 and changes nothing; the sign-in
 * form and API refuse a login without a token too (login CSRF). Only the provider and Telegram webhooks, which
 * authenticate by signature or secret header and carry no cookie, are outside the check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfMatrixIT extends IntegrationTest {

    /** Reads that are audited on purpose (docs/audit-actions.md): a data download is an event worth a trail. */
    private static final List<String> AUDITED_READS = List.of("report.exported", "audit.exported",
            "privacy.data_exported");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    private ApiClient owner;
    private String userId;
    private String workspaceId;
    private String organizationId;

    @BeforeAll
    void user() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User user = tenants.verifiedUser("csrf");
        organizationId = tenants.createOrganization(user, "CSRF org");
        workspaceId = tenants.createWorkspace(user, organizationId, "CSRF workspace");
        owner = user.api();
        userId = user.id();
    }

    @Test
    void everyStateChangingRouteRefusesAMissingOrWrongTokenAndChangesNothing() {
        List<AppRoutes.Route> routes = new AppRoutes(mappings, workspaceId, organizationId).stateChanging();
        assertThat(routes).as("state-changing routes found").hasSizeGreaterThan(40);
        long auditBefore = count("audit_events");
        long workspacesBefore = count("workspaces");
        List<String> accepted = new ArrayList<>();
        for (AppRoutes.Route route : routes) {
            String method = route.method();
            String path = route.path();
            ApiClient.Response none = owner.send(method, path, "{}", "X-XSRF-TOKEN", "");
            ApiClient.Response wrong = owner.send(method, path, "{}", "X-XSRF-TOKEN", UUID.randomUUID().toString());
            if (none.status() != 403) {
                accepted.add("no token: " + method + " " + path + " → " + none.status());
            }
            if (wrong.status() != 403) {
                accepted.add("wrong token: " + method + " " + path + " → " + wrong.status());
            }
        }
        System.out.println("CSRF checked on " + routes.size() + " state-changing routes");
        assertThat(accepted).as("state-changing requests served without a valid CSRF token").isEmpty();
        assertThat(owner.get("/api/v1/me").status()).as("the session itself still works").isEqualTo(200);
        assertThat(count("workspaces")).isEqualTo(workspacesBefore);
        assertThat(count("audit_events")).as("no audited change happened").isEqualTo(auditBefore);
    }

    /**
     * GETs are safe: every GET route, asked by the workspace's owner (pages as HTML, the API as JSON) and anonymously,
     * changes no row of the tenant (every table with a workspace or organization column, filtered to the test's own,
     * and the owner's user row), compared as a snapshot of each table's rows before and after. The audit trail is the
     * one deliberate exception: downloading data is audited ({@link #AUDITED_READS}), and nothing else may be.
     */
    @Test
    void everyGetRouteChangesNoRow() {
        new InventoryRows(jdbc, workspaceId, "7100000000000000201").add("CAMPAIGN", "7200000000000000201")
                .name("Snapshot campaign").status("CAMPAIGN_STATUS_ENABLE").insert();
        List<AppRoutes.Route> routes = new AppRoutes(mappings, workspaceId, organizationId).gets();
        assertThat(routes).as("GET routes found").hasSizeGreaterThan(30);
        Map<String, String> before = snapshot();
        assertThat(before).as("tenant tables found").hasSizeGreaterThan(20);
        List<String> auditBefore = auditActions();
        java.time.Instant sweepStarted = jdbc.sql("SELECT now()").query(java.time.Instant.class).single();
        for (AppRoutes.Route route : routes) {
            String accept = route.path().startsWith("/api/") ? "application/json" : "text/html";
            owner.send("GET", route.path(), null, "Accept", accept);
            new ApiClient(port).send("GET", route.path(), null, "Accept", accept);
        }
        assertThat(owner.get("/api/v1/me").status()).as("the session itself still works").isEqualTo(200);
        // the audit listeners run after the request: wait until every event the sweep published was delivered
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND publication_date >= :started AND status IS DISTINCT FROM 'FAILED'""")
                .param("started", java.sql.Timestamp.from(sweepStarted)).query(Long.class).single() == 0);
        Map<String, String> after = snapshot();
        List<String> changed = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table)))
                .toList();
        System.out.println("GET snapshot compared " + before.size() + " tables over " + routes.size() + " GET routes");
        assertThat(changed).as("tables whose tenant rows a GET changed").isEmpty();
        List<String> audited = new ArrayList<>(auditActions());
        auditBefore.forEach(audited::remove);
        assertThat(audited).as("audit entries GETs wrote").isSubsetOf(AUDITED_READS);
    }

    /** The audit entries of the tenant and its owner, by action. */
    private List<String> auditActions() {
        return jdbc.sql("""
                        SELECT action FROM audit_events
                        WHERE organization_id::text = :org OR workspace_id::text = :ws OR actor_user_id::text = :user""")
                .param("org", organizationId).param("ws", workspaceId).param("user", userId).query(String.class).list();
    }

    /** Per table: the count and an md5 of the tenant's rows in a fixed order. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        // audit_events and its chain heads: compared by action instead (AUDITED_READS)
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT c.table_schema, c.table_name, bool_or(c.column_name = 'workspace_id') AS by_workspace,
                               bool_or(c.column_name = 'organization_id') AS by_organization
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE t.table_type = 'BASE TABLE' AND c.column_name IN ('workspace_id', 'organization_id')
                          AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND c.table_name NOT IN ('audit_events', 'audit_chains')
                        GROUP BY c.table_schema, c.table_name""").query().listOfRows();
        for (Map<String, Object> table : columns) {
            String name = "\"" + table.get("table_schema") + "\".\"" + table.get("table_name") + "\"";
            String where = (Boolean) table.get("by_workspace") && (Boolean) table.get("by_organization")
                    ? "workspace_id::text = :ws OR organization_id::text = :org"
                    : (Boolean) table.get("by_workspace") ? "workspace_id::text = :ws" : "organization_id::text = :org";
            tables.put(name, rows(name, where));
        }
        tables.put("users", rows("users", "id::text = :user"));
        return tables;
    }

    private String rows(String table, String where) {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
                        + table + " t WHERE " + where)
                .param("ws", workspaceId).param("org", organizationId).param("user", userId)
                .query(String.class).single();
    }

    @Test
    void aLoginWithoutATokenIsRefused() {
        ApiClient anonymous = new ApiClient(port);
        assertThat(anonymous.send("POST", "/api/v1/auth/login", "{\"email\":\"x@example.com\",\"password\":\"whatever it is\"}",
                "X-XSRF-TOKEN", "").status()).isEqualTo(403);
        assertThat(anonymous.postForm("/login", "email=x%40example.com&password=whatever+it+is", false).status())
                .isEqualTo(403);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
