package com.tttools.app.support;

import com.tttools.app.platform.database.DatabaseUrl;
import com.tttools.app.platform.database.JdbcTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When {@code DATABASE_URL} is set for a test run, creates one fresh database on that server for the run
 * (so runs never see each other's rows) and hands its URL to the application.
 */
public final class TestDatabase {

    private static Optional<String> fresh;

    private TestDatabase() {
    }

    static synchronized Optional<String> freshDatabaseUrl() {
        if (fresh == null) {
            String url = System.getenv("DATABASE_URL");
            fresh = url == null || url.isBlank() ? Optional.empty() : Optional.of(create(DatabaseUrl.parse(url)));
        }
        return fresh;
    }

    /**
     * Another fresh database on the same server (e.g. for child JVMs of the app, or a container): its JDBC URL with
     * the credentials in it. The name is the prefix and a random suffix.
     */
    public static String createOn(JdbcTarget server, String prefix) {
        return create(server, prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static String create(JdbcTarget server) {
        return create(server, "tttools_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + ThreadLocalRandom.current().nextInt(1000, 10000));
    }

    private static String create(JdbcTarget server, String name) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database on " + server.jdbcUrl(), e);
        }
        String base = server.jdbcUrl();
        int query = base.indexOf('?');
        String withoutQuery = query >= 0 ? base.substring(0, query) : base;
        String suffix = query >= 0 ? base.substring(query) : "";
        String jdbc = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + suffix;
        if (server.username() == null) {
            return jdbc;
        }
        // Hand the credentials over inside the JDBC URL, where the driver reads them.
        String separator = jdbc.contains("?") ? "&" : "?";
        return jdbc + separator + "user=" + encode(server.username())
                + (server.password() == null ? "" : "&password=" + encode(server.password()));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
