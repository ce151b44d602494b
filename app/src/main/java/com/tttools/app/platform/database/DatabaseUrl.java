package com.tttools.app.platform.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads {@code DATABASE_URL} in either form PostgreSQL hosts hand out: the libpq URI that Supabase, Heroku
 * and Render give ({@code postgres://user:pass@host:5432/db?sslmode=require}) or a JDBC URL.
 */
public final class DatabaseUrl {

    private DatabaseUrl() {
    }

    public static JdbcTarget parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidDatabaseUrlException("DATABASE_URL is empty");
        }
        String url = raw.strip();
        if (url.startsWith("jdbc:postgresql://")) {
            return new JdbcTarget(url, null, null);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
            int colon = url.indexOf(':');
            String scheme = colon > 0 && colon < 20 ? url.substring(0, colon) : "none";
            throw new InvalidDatabaseUrlException("DATABASE_URL must start with postgres://, postgresql:// or "
                    + "jdbc:postgresql:// (its scheme is '" + scheme + "')");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseUrlException("DATABASE_URL is not a valid URL at character " + e.getIndex()
                    + " (percent-encode special characters such as @ # / in the user name and password)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidDatabaseUrlException("DATABASE_URL names no host (expected postgres://user:pass@host:port/db)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
            throw new InvalidDatabaseUrlException("DATABASE_URL names no database (expected postgres://user:pass@host:port/db)");
        }
        String database = decode(path.substring(1));
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isBlank()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new JdbcTarget(jdbc.toString(), username, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
