package com.tttools.app.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source: the pool, plus: a connection borrowed while {@link TenantScope} has a workspace
 * bound runs its auto-commit statements under row-level security for that workspace ({@link TenantConnection}).
 * Transactions are {@link TenantTransactionManager}'s business; borrowed with nothing bound (jobs, schedulers,
 * listeners, start-up, organization and account pages), the pool's connection comes as it is.
 */
final class TenantDataSource extends DelegatingDataSource implements AutoCloseable {

    private final boolean enabled;

    TenantDataSource(DataSource pool, boolean enabled) {
        super(pool);
        this.enabled = enabled;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return forScope(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return forScope(super.getConnection(username, password));
    }

    private Connection forScope(Connection connection) {
        Optional<UUID> workspace = enabled ? TenantScope.current() : Optional.empty();
        return workspace.isPresent() ? TenantConnection.wrap(connection, workspace.get()) : connection;
    }

    /** The bean's destroy method: closes the pool. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
