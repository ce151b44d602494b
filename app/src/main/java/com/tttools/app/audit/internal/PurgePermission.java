package com.tttools.app.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way past the append-only triggers: a transaction-local setting that the triggers check. Only the
 * retention purge calls it, and it ends with the transaction.
 */
@Component
class PurgePermission {

    private final JdbcClient jdbc;

    PurgePermission(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void grant() {
        jdbc.sql("SELECT set_config('tttools.audit_purge', 'on', true)").query(String.class).single();
    }
}
