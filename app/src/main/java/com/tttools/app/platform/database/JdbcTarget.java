package com.tttools.app.platform.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL plus credentials kept apart from it. The URL itself may still hold a credential when it was given as a
 * JDBC URL ({@code ?password=...}, or a user and password before the host, which PostgreSQL's driver does not read
 * but an operator may write): logs print {@link #safeUrl()}, never the URL.
 */
public record JdbcTarget(String jdbcUrl, String username, String password) {

    private static final String HOST = "(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?";
    /** Servers and database only; anything else (an '@', more slashes) and the URL is not shown at all. */
    private static final Pattern SAFE = Pattern.compile(
            "jdbc:postgresql://(" + HOST + "(?:," + HOST + ")*)/([^/?#@;&=]+)(?:\\?.*)?");

    /** The servers and the database, without user, password or parameters: what a log line may show. */
    public String safeUrl() {
        Matcher url = jdbcUrl == null ? null : SAFE.matcher(jdbcUrl);
        return url != null && url.matches() ? "jdbc:postgresql://" + url.group(1) + "/" + url.group(2)
                : "a JDBC URL not shown (it may hold a credential)";
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + safeUrl() + ", user=" + username + "]";
    }
}
