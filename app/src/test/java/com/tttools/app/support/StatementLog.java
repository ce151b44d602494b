package com.tttools.app.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records, while {@link #start() started}, every distinct SQL statement the application prepares through its
 * {@code DataSource} on any thread (requests, jobs, the scheduler), with the parameters of its first execution, so
 * that a test can run it again under {@code EXPLAIN} ({@link #replay}). {@link StatementCounter}'s data source wraps
 * each prepared statement here; when the log is stopped (the normal case) nothing is recorded or wrapped.
 */
public final class StatementLog {

    /** Most distinct statements kept (statements built with a varying number of rows are distinct strings). */
    private static final int LIMIT = 5_000;
    private static final AtomicBoolean RECORDING = new AtomicBoolean();
    private static final Map<String, Recorded> SEEN = new ConcurrentHashMap<>();

    /** One parameter setter call ({@code setObject(1, x)}, {@code setNull(2, Types.OTHER)}...). */
    public record Setter(Method method, Object[] args) {
    }

    /** A statement's SQL (as prepared, with {@code ?} placeholders) and the setters of its first execution. */
    public record Recorded(String sql, List<Setter> setters) {
    }

    private StatementLog() {
    }

    /** Forgets what was recorded and records from now on. */
    public static void start() {
        SEEN.clear();
        RECORDING.set(true);
    }

    /** Stops recording and returns what was recorded since {@link #start()}. */
    public static Collection<Recorded> stop() {
        RECORDING.set(false);
        return List.copyOf(SEEN.values());
    }

    /** Sets the recorded parameters on {@code target}, a statement prepared from SQL with the same placeholders. */
    public static void replay(Recorded recorded, PreparedStatement target) throws SQLException {
        for (Setter setter : recorded.setters()) {
            try {
                setter.method().invoke(target, setter.args());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getTargetException() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e.getTargetException());
            }
        }
    }

    /** A plain statement records the SQL of each execution (no parameters). */
    static Object wrapIfRecording(Object statement) {
        if (!RECORDING.get() || !(statement instanceof java.sql.Statement plain)
                || statement instanceof PreparedStatement) {
            return statement;
        }
        return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {java.sql.Statement.class},
                (proxy, method, args) -> {
                    if ((method.getName().startsWith("execute") || method.getName().equals("addBatch"))
                            && args != null && args.length > 0 && args[0] instanceof String sql && RECORDING.get()
                            && SEEN.size() < LIMIT) {
                        SEEN.putIfAbsent(sql, new Recorded(sql, List.of()));
                    }
                    try {
                        return method.invoke(plain, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }

    static Object wrapIfRecording(String sql, Object statement) {
        if (!RECORDING.get() || !(statement instanceof PreparedStatement prepared) || SEEN.containsKey(sql)
                || SEEN.size() >= LIMIT) {
            return statement;
        }
        return capturing(prepared, setters -> {
            if (RECORDING.get()) {
                SEEN.putIfAbsent(sql, new Recorded(sql, setters));
            }
        });
    }

    /**
     * The statement, telling {@code executed} at each execution (or batch line) the parameters set so far: the one
     * copy of the capture {@link TenantReads} uses too.
     */
    static PreparedStatement capturing(PreparedStatement statement, Consumer<List<Setter>> executed) {
        Map<Integer, Setter> setters = new TreeMap<>();
        Class<?> face = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : PreparedStatement.class;
        return (PreparedStatement) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {face},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                        synchronized (setters) {
                            setters.put(i, new Setter(method, args.clone()));
                        }
                    } else if (name.startsWith("execute") || name.equals("addBatch")) {
                        List<Setter> used;
                        synchronized (setters) {
                            used = List.copyOf(setters.values());
                        }
                        executed.accept(used);
                    }
                    try {
                        return method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getTargetException();
                    }
                });
    }
}
