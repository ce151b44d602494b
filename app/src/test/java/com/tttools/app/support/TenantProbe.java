package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who runs the application's statements (row-level security, docs/security.md): while {@link #arm armed} with a
 * fragment of SQL, each time the application (any thread) prepares a statement containing it through its
 * {@code DataSource}, the same connection is asked first, through the same path the statement takes (the same
 * auto-commit mode, the same transaction), for {@code current_user} and the tenant setting. {@link StatementCounter}'s
 * data source calls {@link #beforePrepare}; disarmed (the normal case) it costs a volatile read.
 */
public final class TenantProbe {

    /** {@code current_user/workspace} ({@code -} for no setting), as RowLevelSecurityIT's transactions report it. */
    public static final String WHO =
            "SELECT current_user || '/' || coalesce(nullif(current_setting('tttools.workspace_id', true), ''), '-')";

    /**
     * One probed statement: its thread, whether that thread was serving a request sent with
     * {@link StatementCounter#HEADER} (work it handed to other threads is not), its SQL (one line), whether it ran in
     * auto-commit mode, and who ran it.
     */
    public record Seen(String thread, boolean countedRequest, String sql, boolean autoCommit, String who) {
    }

    private static volatile String fragment;
    private static final List<Seen> SEEN = new ArrayList<>();

    private TenantProbe() {
    }

    /** Probes from now on the statements whose one-line SQL contains {@code sqlFragment}; forgets earlier ones. */
    public static void arm(String sqlFragment) {
        synchronized (SEEN) {
            SEEN.clear();
        }
        fragment = sqlFragment;
    }

    /** Stops probing and returns what was seen since {@link #arm}, in order. */
    public static List<Seen> disarm() {
        fragment = null;
        synchronized (SEEN) {
            return List.copyOf(SEEN);
        }
    }

    /**
     * Sends a request (with {@link StatementCounter#HEADER}) while probing the statements containing {@code sql}: it
     * answers {@code status}, and some such statements ran on its thread, every one as {@code tenant}
     * ({@code tttools_tenant/<workspace>}). A route that binds no workspace runs them as the login role.
     */
    public static void expectUnderTenant(String tenant, String sql, int status, Supplier<ApiClient.Response> send) {
        arm(sql);
        ApiClient.Response response;
        List<Seen> seen;
        try {
            response = send.get();
        } finally {
            seen = disarm();
        }
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(seen).filteredOn(Seen::countedRequest).isNotEmpty()
                .allSatisfy(s -> assertThat(s.who()).as(s.sql()).isEqualTo(tenant));
    }

    static void beforePrepare(Connection connection, String sql, boolean countedRequest) throws SQLException {
        String armed = fragment;
        if (armed == null) {
            return;
        }
        String line = sql.strip().replaceAll("\\s+", " ");
        if (!line.contains(armed)) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement(); ResultSet who = statement.executeQuery(WHO)) {
            who.next();
            Seen seen = new Seen(Thread.currentThread().getName(), countedRequest, line, autoCommit,
                    who.getString(1));
            synchronized (SEEN) {
                SEEN.add(seen);
            }
        }
    }
}
