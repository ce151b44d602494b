package com.tttools.app.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A pooled connection borrowed while {@link TenantScope} has a workspace bound. In auto-commit mode (a statement
 * outside any Spring transaction) each statement runs in a transaction of its own that enters the tenant context
 * first: {@code BEGIN} (sent with the next statement by the driver), {@link TenantScope#enter}, the statement,
 * {@code COMMIT} (or {@code ROLLBACK} when it failed). The role and the setting are transaction-local, so nothing
 * outlives the statement on the server connection, pooled or behind a transaction-mode pooler; a session-level
 * {@code SET ROLE} at borrow time would not be safe there (docs/security.md, "Row-level security").
 *
 * <p>Once the caller turns auto-commit off ({@link TenantTransactionManager} beginning a transaction, which enters
 * the tenant context itself unless the transaction is labelled {@link TenantScope#SYSTEM}) the connection passes
 * everything through. Work on the driver's own API ({@code unwrap}, e.g. {@code COPY}) is not covered in auto-commit
 * mode: the request paths run none.
 */
final class TenantConnection implements InvocationHandler {

    private final Connection target;
    private final UUID workspace;

    private TenantConnection(Connection target, UUID workspace) {
        this.target = target;
        this.workspace = workspace;
    }

    static Connection wrap(Connection target, UUID workspace) {
        return (Connection) Proxy.newProxyInstance(TenantConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new TenantConnection(target, workspace));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "createStatement" -> statement(proxy, Statement.class, forward(target, method, args));
            case "prepareStatement" -> statement(proxy, PreparedStatement.class, forward(target, method, args));
            case "prepareCall" -> statement(proxy, CallableStatement.class, forward(target, method, args));
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "TenantConnection[" + workspace + ", " + target + "]";
            default -> forward(target, method, args);
        };
    }

    private Object statement(Object connection, Class<? extends Statement> type, Object statement) {
        return Proxy.newProxyInstance(TenantConnection.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && target.getAutoCommit()) {
                        return inTenantTransaction((Statement) statement, method, args);
                    }
                    return switch (method.getName()) {
                        case "getConnection" -> connection;
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> forward(statement, method, args);
                    };
                });
    }

    /** One auto-commit statement, as its own transaction in the tenant context. */
    private Object inTenantTransaction(Statement statement, Method execute, Object[] args) throws Throwable {
        // Auto-commit reads every row at once; a cursor (fetch size) would end with this transaction.
        int fetchSize = statement.getFetchSize();
        if (fetchSize != 0) {
            statement.setFetchSize(0);
        }
        target.setAutoCommit(false);
        Object result;
        try {
            TenantScope.enter(target, workspace);
            result = forward(statement, execute, args);
            target.commit();
        } catch (Throwable failure) {
            try {
                target.rollback();
                restore(statement, fetchSize);
            } catch (SQLException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        restore(statement, fetchSize);
        return result;
    }

    /** Back to auto-commit: idle after the commit or rollback, so the driver sends nothing. */
    private void restore(Statement statement, int fetchSize) throws SQLException {
        target.setAutoCommit(true);
        if (fetchSize != 0) {
            statement.setFetchSize(fetchSize);
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
