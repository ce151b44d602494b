package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.TenantProbe;
import com.tttools.app.support.Tenants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Row-level security as a backstop (docs/security.md, "Row-level security"; docs/security-tests.md row 26). The
 * tenant tables are read from the catalog, every time: a new table with a {@code workspace_id} column and no policy
 * fails {@link #everyTenantTableHasRowLevelSecurityAndATenantPolicyForARoleThatCannotBypassIt} and shows rows of
 * the other workspace in {@link #aQueryThatForgetsItsWorkspacePredicateSeesNothingOfAnotherWorkspace}.
 */
class RowLevelSecurityIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DevMailbox mailbox;
    @Autowired
    RateLimiter limiter;

    /** Every ordinary or partitioned table (not a partition) of the app's schema with a workspace_id column. */
    private List<String> tenantTables() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY 1""").query(String.class).list();
    }

    /**
     * Every view of the app's schema with a workspace_id column. A view reads its tables with its owner's rights
     * (the login role, which row-level security does not bind) unless it is a {@code security_invoker} view.
     */
    private List<String> tenantViews() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('v', 'm')
                ORDER BY 1""").query(String.class).list();
    }

    @Test
    void everyTenantViewReadsWithTheRightsOfWhoeverAsks() {
        List<String> views = tenantViews();
        assertThat(views).contains("inventory_entity_labels");
        assertThat(jdbc.sql("""
                        SELECT c.relname FROM pg_class c
                        WHERE c.relnamespace = current_schema()::regnamespace AND c.relname IN (:views)
                          AND (c.relkind <> 'v' OR NOT coalesce('security_invoker=true' = ANY(c.reloptions), false))""")
                .param("views", views).query(String.class).list())
                .as("views over tenant rows that read as their owner (a materialized view always does)").isEmpty();
    }

    @Test
    void everyTenantTableHasRowLevelSecurityAndATenantPolicyForARoleThatCannotBypassIt() {
        List<String> tables = tenantTables();
        assertThat(tables).contains("report_daily_facts", "inventory_entities", "jobs", "workspace_members");
        List<String> unprotected = new ArrayList<>();
        for (String table : tables) {
            boolean enabled = jdbc.sql("SELECT relrowsecurity FROM pg_class WHERE oid = :t::regclass")
                    .param("t", table).query(Boolean.class).single();
            List<String> policies = jdbc.sql("""
                    SELECT policyname FROM pg_policies
                    WHERE schemaname = current_schema() AND tablename = :t AND cmd = 'ALL' AND permissive = 'PERMISSIVE'
                      AND roles = ARRAY['tttools_tenant']::name[]
                      AND qual LIKE '%workspace_id = (NULLIF(current_setting(''tttools.workspace_id''::text, true)%'
                      AND with_check = qual""").param("t", table).query(String.class).list();
            if (!enabled || policies.size() != 1) {
                unprotected.add(table + (enabled ? "" : " (RLS off)") + " policies=" + policies);
            }
        }
        assertThat(unprotected).as("tenant tables without row-level security and the tenant policy").isEmpty();
        // No other policy may widen what the tenant role sees on these tables.
        assertThat(jdbc.sql("""
                SELECT tablename || '.' || policyname FROM pg_policies
                WHERE schemaname = current_schema() AND policyname <> 'tenant_isolation'""").query(String.class).list())
                .isEmpty();
        var role = jdbc.sql("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'tttools_tenant'")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).single();
        assertThat(role).as("superuser, bypassrls, login").containsExactly(false, false, false);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
                  AND pg_get_userbyid(c.relowner) = 'tttools_tenant'""").query(Long.class).single())
                .as("tables owned by the tenant role (owners bypass row-level security)").isZero();
        assertThat(jdbc.sql("SELECT has_table_privilege('tttools_tenant', 'jobs', 'TRUNCATE')").query(Boolean.class)
                .single()).as("TRUNCATE ignores row-level security").isFalse();
    }

    /**
     * One row of workspace A and one of workspace B in every tenant table (FK triggers and CHECK constraints set aside
     * inside the transaction, which is rolled back), then the connection enters the tenant context exactly as
     * {@link TenantTransactionManager} does for a workspace request and reads every table without a workspace_id
     * predicate.
     */
    @Test
    void aQueryThatForgetsItsWorkspacePredicateSeesNothingOfAnotherWorkspace() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<String> tables = tenantTables();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                statement.execute("SET LOCAL lock_timeout = '20s'");
            }
            for (String table : tables) {
                dropChecks(connection, table);
                insertSynthetic(connection, table, a);
                insertSynthetic(connection, table, b);
            }
            // The login role (system tasks) sees both workspaces: row-level security does not apply to it.
            for (String table : tables) {
                assertThat(workspacesIn(connection, table, "workspace_id IN ('" + a + "', '" + b + "')"))
                        .as("login role reads %s", table).containsEntry(a, 1L).containsEntry(b, 1L);
            }
            TenantScope.enter(connection, a);
            assertThat(single(connection, "SELECT current_user")).isEqualTo("tttools_tenant");
            Map<String, Map<UUID, Long>> leaks = new LinkedHashMap<>();
            for (String table : tables) {
                Map<UUID, Long> seen = workspacesIn(connection, table, "true");
                assertThat(seen).as("workspace A's own row in %s", table).containsEntry(a, 1L);
                if (seen.size() != 1) {
                    leaks.put(table, seen);
                }
                try (Statement statement = connection.createStatement()) {
                    assertThat(statement.executeUpdate("UPDATE " + table + " SET workspace_id = workspace_id WHERE workspace_id = '" + b + "'"))
                            .as("update of B's row in %s", table).isZero();
                    assertThat(statement.executeUpdate("DELETE FROM " + table + " WHERE workspace_id = '" + b + "'"))
                            .as("delete of B's row in %s", table).isZero();
                }
            }
            assertThat(leaks).as("tables showing another workspace's rows inside workspace A's context").isEmpty();
            for (String view : tenantViews()) {
                assertThat(workspacesIn(connection, view, "true")).as("view %s inside workspace A's context", view)
                        .containsOnlyKeys(a);
            }
            // Setting unset: fails closed.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('tttools.workspace_id', '', true)");
            }
            for (String table : tables) {
                assertThat(workspacesIn(connection, table, "true")).as("%s with no workspace set", table).isEmpty();
            }
            // Back to the login role inside the same transaction: B's rows were neither updated away nor deleted.
            try (Statement statement = connection.createStatement()) {
                statement.execute("RESET ROLE");
            }
            for (String table : tables) {
                assertThat(workspacesIn(connection, table, "workspace_id = '" + b + "'")).containsEntry(b, 1L);
            }
            connection.rollback();
        }
    }

    /** The real transaction manager: which transactions switch role, and for which workspace. */
    @Test
    void theTransactionManagerEntersTheTenantContextOnlyForABoundWorkspaceAndNotForSystemTransactions() {
        UUID a = UUID.randomUUID();
        TransactionTemplate plain = new TransactionTemplate(transactions);
        assertThat(who(plain)).doesNotStartWith("tttools_tenant");
        String bound = TenantScope.call(a, () -> who(plain));
        assertThat(bound).isEqualTo("tttools_tenant/" + a);
        DefaultTransactionAttribute system = new DefaultTransactionAttribute();
        system.setLabels(List.of(TenantScope.SYSTEM));
        // As @Transactional(label = TenantScope.SYSTEM) begins it: the attribute itself reaches the manager.
        String labelled = TenantScope.call(a, () -> {
            var status = transactions.getTransaction(system);
            try {
                return jdbc.sql(WHO).query(String.class).single();
            } finally {
                transactions.commit(status);
            }
        });
        assertThat(labelled).doesNotStartWith("tttools_tenant");
        // A request binding: what the tenancy argument resolver does once it resolved a WorkspaceAccess.
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            TenantScope.bindRequest(a);
            String request = who(plain);
            assertThat(request).isEqualTo("tttools_tenant/" + a);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        // Transaction-local: the pooled connection comes back as the login role.
        String after = jdbc.sql(WHO).query(String.class).single();
        assertThat(after).doesNotStartWith("tttools_tenant");
    }

    private static final String WHO =
            "SELECT current_user || '/' || coalesce(nullif(current_setting('tttools.workspace_id', true), ''), '-')";

    private String who(TransactionTemplate template) {
        return template.execute(status -> jdbc.sql(WHO).query(String.class).single());
    }

    /** Over HTTP: a workspace route's transaction enters the tenant context, an organization route's does not. */
    @Test
    void aWorkspaceRouteRunsItsTransactionsUnderTheTenantRole() {
        Tenants tenants = new Tenants(port, mailbox, limiter);
        Tenants.User owner = tenants.verifiedUser("rls");
        String organization = tenants.createOrganization(owner, "RLS Org");
        String workspace = tenants.createWorkspace(owner, organization, "RLS Workspace");
        Tenants.expect(owner.api().get("/api/v1/workspaces/" + workspace + "/reports/finality?from=2026-11-01&to=2026-11-02",
                StatementCounter.HEADER, "1"), 200);
        assertThat(StatementCounter.lastRequest()).anyMatch(sql -> sql.contains("set_config('tttools.workspace_id'"));
        Tenants.expect(owner.api().get("/api/v1/organizations/" + organization, StatementCounter.HEADER, "1"), 200);
        assertThat(StatementCounter.lastRequest()).noneMatch(sql -> sql.contains("tttools.workspace_id"));
    }

    /**
     * Outside any transaction (auto-commit), with a workspace bound: each statement runs in a transaction of its own
     * in the tenant context ({@link TenantDataSource}), and the server session keeps nothing of it afterwards, which is
     * what a transaction-mode pooler would hand to its next client.
     */
    @Test
    void anAutoCommitStatementWithAWorkspaceBoundRunsInTheTenantContextAndLeavesTheSessionAsItWas() throws SQLException {
        UUID a = UUID.randomUUID();
        String login = jdbc.sql(WHO).query(String.class).single();
        assertThat(login).endsWith("/-").doesNotStartWith("tttools_tenant");
        assertThat(TenantScope.call(a, () -> jdbc.sql(WHO).query(String.class).single()))
                .as("JdbcClient outside a transaction").isEqualTo("tttools_tenant/" + a);
        try (Connection connection = TenantScope.call(a, this::borrow)) {
            Connection session = connection.unwrap(Connection.class);   // the driver's connection, under the wrapper
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(single(connection, WHO)).isEqualTo("tttools_tenant/" + a);
            assertThat(single(session, WHO)).as("the session after the statement").isEqualTo(login);
            assertThat(session.getAutoCommit()).isTrue();
            // A failing statement rolls its transaction back; the connection stays usable and in auto-commit mode.
            try {
                single(connection, "SELECT 1 / 0");
                throw new AssertionError("division by zero succeeded");
            } catch (SQLException expected) {
                assertThat(expected.getSQLState()).isEqualTo("22012");
            }
            assertThat(single(session, WHO)).as("the session after a failed statement").isEqualTo(login);
            assertThat(single(connection, WHO)).isEqualTo("tttools_tenant/" + a);
            // A fetch size would make the driver read through a cursor, which the statement's commit would close:
            // auto-commit reads every row at once, and so does the wrapper.
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10);
                int rows = 0;
                try (ResultSet result = statement.executeQuery("SELECT g FROM generate_series(1, 1000) g")) {
                    while (result.next()) {
                        rows++;
                    }
                }
                assertThat(rows).isEqualTo(1000);
                assertThat(statement.getFetchSize()).isEqualTo(10);
            }
            // The caller's own transaction is the transaction manager's business: passed through as it is.
            connection.setAutoCommit(false);
            assertThat(single(connection, WHO)).isEqualTo(login);
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(jdbc.sql(WHO).query(String.class).single()).as("nothing bound").isEqualTo(login);
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Over HTTP: the jobs and inventory lists read outside any transaction (auto-commit), and still run under the
     * tenant role with the request's workspace. {@link TenantProbe} asks the connection who it is right before each
     * of those statements, through the same path.
     */
    @Test
    void aWorkspaceRouteRunsItsAutoCommitReadsUnderTheTenantRole() {
        Tenants tenants = new Tenants(port, mailbox, limiter);
        Tenants.User owner = tenants.verifiedUser("rls-read");
        String workspace = tenants.createWorkspace(owner, tenants.createOrganization(owner, "RLS Read Org"),
                "RLS Read Workspace");
        Map<String, String> routes = Map.of(
                "/api/v1/workspaces/" + workspace + "/jobs", "FROM jobs WHERE workspace_id = ?",
                "/api/v1/workspaces/" + workspace + "/campaigns", "FROM inventory_entities");
        routes.forEach((route, sql) -> {
            TenantProbe.arm(sql);
            List<TenantProbe.Seen> seen;
            try {
                Tenants.expect(owner.api().get(route, StatementCounter.HEADER, "1"), 200);
            } finally {
                seen = TenantProbe.disarm();
            }
            assertThat(seen).as(route).filteredOn(TenantProbe.Seen::countedRequest).isNotEmpty().allSatisfy(s -> {
                assertThat(s.autoCommit()).as("auto-commit: %s", s.sql()).isTrue();
                assertThat(s.who()).as(s.sql()).isEqualTo("tttools_tenant/" + workspace);
            });
        });
    }

    /**
     * The streamed CSV export runs on Spring MVC's async executor, after the request's thread has returned; its
     * transaction still runs under the tenant role with the request's workspace (MVC binds the request's attributes on
     * that thread while the body is written, so {@link TenantScope#current()} sees the request's binding there).
     * The lines themselves come from a {@code COPY} on the driver's own API, which the probe cannot see; it runs on
     * the connection of the export's transaction, whose statements through the pool (the currencies of the
     * workspace's advertisers, read first) show the context the transaction began with.
     */
    @Test
    void aStreamedCsvExportRunsUnderTheTenantRoleOnTheThreadItIsHandedTo() {
        Tenants tenants = new Tenants(port, mailbox, limiter);
        Tenants.User owner = tenants.verifiedUser("rls-csv");
        String workspace = tenants.createWorkspace(owner, tenants.createOrganization(owner, "RLS CSV Org"),
                "RLS CSV Workspace");
        TenantProbe.arm("report_advertisers");
        List<TenantProbe.Seen> seen;
        ApiClient.Response csv;
        try {
            csv = Tenants.expect(owner.api().get("/api/v1/workspaces/" + workspace
                    + "/reports.csv?level=CAMPAIGN&from=2026-11-01&to=2026-11-02", StatementCounter.HEADER, "1"), 200);
        } finally {
            seen = TenantProbe.disarm();
        }
        assertThat(csv.body()).startsWith("date,entityId,");
        // Other threads (other tests' syncs, sweeps) may read the facts meanwhile, as the login role: the export's own
        // statements are those in this workspace's tenant context, off the request's thread.
        assertThat(seen).as("statements of the export's transaction").filteredOn(s -> !s.countedRequest()
                && s.who().equals("tttools_tenant/" + workspace)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.autoCommit()).as("in the export's transaction").isFalse());
    }

    private static Map<UUID, Long> workspacesIn(Connection connection, String table, String where) throws SQLException {
        Map<UUID, Long> seen = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT workspace_id, count(*) FROM " + table + " WHERE " + where
                     + " GROUP BY workspace_id")) {
            while (rows.next()) {
                seen.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return seen;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void dropChecks(Connection connection, String table) throws SQLException {
        List<String> checks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c' AND conislocal")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    checks.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String check : checks) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + check + "\"");
            }
        }
    }

    /** A row with workspace_id set and a fresh value in every other NOT NULL column without a default. */
    private static void insertSynthetic(Connection connection, String table, UUID workspace) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("workspace_id"));
        List<String> values = new ArrayList<>(List.of("'" + workspace + "'::uuid"));
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT column_name, udt_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name <> 'workspace_id'
                  AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER'
                ORDER BY ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add("\"" + rows.getString(1) + "\"");
                    values.add(freshValue(rows.getString(2)));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", values) + ")");
        }
    }

    private static String freshValue(String type) {
        return switch (type) {
            case "uuid" -> "gen_random_uuid()";
            case "text" -> "gen_random_uuid()::text";
            case "int8", "int4", "int2" -> "(random() * 1000000000)::int";
            case "numeric" -> "1";
            case "bool" -> "false";
            case "date" -> "current_date";
            case "timestamptz" -> "now()";
            case "jsonb" -> "'{}'::jsonb";
            case "bytea" -> "convert_to(gen_random_uuid()::text, 'UTF8')";
            case "_text" -> "ARRAY[]::text[]";
            case "_uuid" -> "ARRAY[]::uuid[]";
            default -> throw new AssertionError("No fresh value for the column type " + type + ": add one here");
        };
    }
}
