package com.tttools.app.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the application talks to: the one {@code DATABASE_URL} names, or an embedded
 * PostgreSQL 17 whose data survives restarts. Closing it stops the embedded server.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

    private final JdbcTarget target;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(JdbcTarget target, EmbeddedPostgres embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    public static DatabaseServer start(DatabaseProperties properties) {
        if (properties.external()) {
            JdbcTarget target = DatabaseUrl.parse(properties.url());
            log.info("Using the external PostgreSQL at {}", target.jdbcUrl().replaceAll("\\?.*", ""));
            return new DatabaseServer(target, null);
        }
        return startEmbedded(properties.embedded());
    }

    static DatabaseServer startEmbedded(DatabaseProperties.Embedded settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.cleanDataDirectory())
                    // Spring closes this server after the pool and every bean that uses it; zonky's own JVM
                    // hook would stop PostgreSQL first and leave shutdown waiting on dead connections.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            JdbcTarget target = new JdbcTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
            return new DatabaseServer(target, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public JdbcTarget target() {
        return target;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
