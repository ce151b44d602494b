package com.tttools.app.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The workspace whose rows the current thread's statements may touch under PostgreSQL row-level security
 * (docs/security.md, "Row-level security"). The tenancy argument resolver binds it for the rest of a web request once
 * it has resolved a {@code WorkspaceAccess}; {@link TenantTransactionManager} then begins every transaction of that
 * request as {@value #ROLE} with {@value #SETTING} set to it, both transaction-local, and {@link TenantDataSource}
 * runs each of its auto-commit statements in such a transaction of its own. Work the request hands to Spring MVC's
 * async executor (a streamed export) sees the binding too: MVC binds the request's attributes on that thread while
 * the work runs. Nothing bound (jobs, schedulers, listeners on their own threads, organization and account pages) or
 * a transaction labelled {@value #SYSTEM} keeps the login role, which row-level security does not restrict.
 */
public final class TenantScope {

    /** The NOLOGIN role the policies apply to (migration {@code platform_row_level_security}). */
    public static final String ROLE = "tttools_tenant";

    /** The transaction-local setting the policies compare {@code workspace_id} with. */
    public static final String SETTING = "tttools.workspace_id";

    /**
     * {@code @Transactional(label = TenantScope.SYSTEM)}: a transaction that deliberately reads across the
     * workspaces of the caller (access checks, the workspace switcher) even inside a workspace request.
     */
    public static final String SYSTEM = "tttools:system";

    private static final String ATTRIBUTE = TenantScope.class.getName();

    private static final ThreadLocal<UUID> CALL = new ThreadLocal<>();

    private TenantScope() {
    }

    /** For the rest of the current web request (no request: nothing happens). */
    public static void bindRequest(UUID workspaceId) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(ATTRIBUTE, workspaceId, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * Ends the request's binding once its handler and view are done, so what runs after it (Spring Session saving the
     * session on the way out) keeps the login role.
     */
    public static void unbindRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Runs {@code work} with the workspace bound on this thread, outside any web request (or inside one). */
    public static <T> T call(UUID workspaceId, Supplier<T> work) {
        UUID previous = CALL.get();
        CALL.set(workspaceId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CALL.remove();
            } else {
                CALL.set(previous);
            }
        }
    }

    /** The workspace bound on this thread: by {@link #call}, else by the current request. */
    public static Optional<UUID> current() {
        UUID called = CALL.get();
        if (called != null) {
            return Optional.of(called);
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof UUID id
                ? Optional.of(id) : Optional.empty();
    }

    /**
     * Switches the connection's current transaction to {@value #ROLE} for {@code workspaceId}: one round trip, undone
     * by the transaction's end (commit or rollback), so pooled connections and transaction-mode poolers never carry
     * it to another transaction.
     */
    public static void enter(Connection connection, UUID workspaceId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('" + SETTING + "', ?, true), set_config('role', '" + ROLE + "', true)")) {
            statement.setString(1, workspaceId.toString());
            statement.execute();
        }
    }
}
