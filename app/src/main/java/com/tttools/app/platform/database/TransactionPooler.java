package com.tttools.app.platform.database;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adapts the pool's JDBC URL to a transaction-mode pooler (Supabase's pooler on port 6543, PgBouncer with
 * {@code pool_mode=transaction}): such a pooler hands each transaction to any server connection, so pgjdbc's
 * named server-side prepared statements (made after 5 executions of a statement) would be missing or duplicated on
 * the next transaction's connection. {@code prepareThreshold=0} keeps every statement unnamed. The app keeps no
 * other session state (docs/operations.md, Transaction pooler).
 *
 * <p>{@code tttools.database.transaction-pooler}: {@code auto} (default) detects a pooler from the URL, port 6543
 * or the parameter {@code pgbouncer=true} (Prisma's convention, removed before the URL reaches the driver);
 * {@code on} and {@code off} decide without looking.
 */
public final class TransactionPooler {

    public enum Mode { AUTO, ON, OFF }

    private TransactionPooler() {
    }

    public static boolean detected(JdbcTarget target, Mode mode) {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> port(target.jdbcUrl()) == 6543 || parameters(target.jdbcUrl()).contains("pgbouncer=true");
        };
    }

    /** The target to pool through: {@code prepareThreshold=0} added (unless the URL sets it) when behind a pooler. */
    public static JdbcTarget adapt(JdbcTarget target, Mode mode) {
        String url = target.jdbcUrl();
        int query = url.indexOf('?');
        List<String> parameters = parameters(url);
        parameters.removeIf(p -> p.toLowerCase(Locale.ROOT).startsWith("pgbouncer="));
        if (detected(target, mode) && parameters.stream().noneMatch(p -> p.startsWith("prepareThreshold="))) {
            parameters.add("prepareThreshold=0");
        }
        String base = query >= 0 ? url.substring(0, query) : url;
        return new JdbcTarget(parameters.isEmpty() ? base : base + "?" + String.join("&", parameters),
                target.username(), target.password());
    }

    private static List<String> parameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        List<String> parameters = new ArrayList<>();
        if (query >= 0) {
            for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
                if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        return parameters;
    }

    private static int port(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return uri.getPort();
    }
}
