package com.tttools.app.platform.database;

/**
 * A JDBC URL plus credentials kept apart from it, so the URL can be logged and the password never is.
 */
public record JdbcTarget(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "JdbcTarget[" + jdbcUrl + ", user=" + username + "]";
    }
}
