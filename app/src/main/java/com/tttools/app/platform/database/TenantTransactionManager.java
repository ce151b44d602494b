package com.tttools.app.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;

/**
 * Boot's JDBC transaction manager, plus: a transaction begun while {@link TenantScope} has a workspace bound runs as
 * the row-level-security role for that workspace, unless it is labelled {@link TenantScope#SYSTEM}. Joined and
 * nested transactions share the outer one's connection, so they inherit whatever the outer one began with.
 */
class TenantTransactionManager extends JdbcTransactionManager {

    private final boolean enabled;

    TenantTransactionManager(DataSource dataSource, boolean enabled) {
        super(dataSource);
        this.enabled = enabled;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!enabled || system(definition)) {
            return;
        }
        UUID workspace = TenantScope.current().orElse(null);
        if (workspace != null) {
            TenantScope.enter(connection, workspace);
        }
    }

    /** Labelled ({@code @Transactional(label = ...)}) or named ({@code TransactionTemplate.setName}) as a system one. */
    private static boolean system(TransactionDefinition definition) {
        return TenantScope.SYSTEM.equals(definition.getName())
                || definition instanceof TransactionAttribute attribute && attribute.getLabels().contains(TenantScope.SYSTEM);
    }
}
