package com.tttools.app.support;

import com.tttools.app.platform.database.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records, while {@link #arm() armed}, the statements the application runs in the row-level-security tenant context
 * (docs/security.md, "Row-level security"), each with the workspace and the parameters it ran with, so that a test can
 * run it again as the login role and as the tenant role and compare what each reads ({@code CrossWorkspaceReadsIT}).
 * Only threads with a workspace bound are asked (the others keep the login role); for those, the connection is asked
 * before each prepared statement, through the path the statement takes, who runs it ({@link TenantProbe#WHO}): a
 * transaction labelled {@code SYSTEM} answers the login role and is left out. {@link StatementCounter}'s data source
 * calls {@link #wrap}; disarmed (the normal case) it costs a volatile read.
 */
public final class TenantReads {

    /** Most distinct executions kept. */
    private static final int LIMIT = 5_000;
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final Map<String, Read> SEEN = new ConcurrentHashMap<>();

    /** A statement as the tenant context ran it: its SQL, the workspace, and the setters of that execution. */
    public record Read(String sql, UUID workspace, List<StatementLog.Setter> setters) {

        /** One line, for messages. */
        public String line() {
            return sql.strip().replaceAll("\\s+", " ");
        }
    }

    private TenantReads() {
    }

    /** Forgets what was recorded and records from now on. */
    public static void arm() {
        SEEN.clear();
        ARMED.set(true);
    }

    /** Stops recording; what was recorded since {@link #arm()}, one per distinct SQL, workspace and parameters. */
    public static Collection<Read> disarm() {
        ARMED.set(false);
        return List.copyOf(SEEN.values());
    }

    static Object wrap(Connection connection, String sql, Object statement) {
        if (!ARMED.get() || !(statement instanceof PreparedStatement prepared) || TenantScope.current().isEmpty()
                || SEEN.size() >= LIMIT) {
            return statement;
        }
        UUID workspace = tenantWorkspace(connection);
        if (workspace == null) {
            return statement;
        }
        return StatementLog.capturing(prepared, used -> {
            if (!ARMED.get() || SEEN.size() >= LIMIT) {
                return;
            }
            String key = sql + '\u0000' + workspace + '\u0000'
                    + used.stream().map(s -> Arrays.deepToString(s.args())).toList();
            SEEN.putIfAbsent(key, new Read(sql, workspace, used));
        });
    }

    /** The workspace whose tenant context the connection's next statement runs in; null for the login role. */
    private static UUID tenantWorkspace(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet who = statement.executeQuery(TenantProbe.WHO)) {
            who.next();
            String[] parts = who.getString(1).split("/", 2);
            return parts[0].equals(TenantScope.ROLE) && !parts[1].equals("-") ? UUID.fromString(parts[1]) : null;
        } catch (SQLException abortedTransaction) {
            return null;   // the application's statement will fail the same way; nothing to compare
        }
    }
}
