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
            log.info("Using the external PostgreSQL at {}", target.safeUrl());
            return new DatabaseServer(target, null);
        }
        return startEmbedded(properties.embedded());
    }

    static DatabaseServer startEmbedded(DatabaseProperties.Embedded settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir.getParent());
            if (!settings.cleanDataDirectory()) {
                OrphanedPostmaster.stopIfRunning(dataDir);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(settings.cleanDataDirectory())
                    // Spring closes this server after the pool and every bean that uses it; zonky's own JVM
                    // hook would stop PostgreSQL first and leave shutdown waiting on dead connections.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    // zonky starts PostgreSQL with -F (fsync off): fine for throw-away test clusters, but this data
                    // survives restarts, and without fsync an OS crash or power cut can corrupt the whole cluster.
                    .setServerConfig("fsync", "on")
                    // zonky's default, kept and made explicit: a commit returns before its WAL is on disk, so an
                    // OS crash can lose the last fraction of a second of commits (never corrupt data).
                    .setServerConfig("synchronous_commit", "off")
                    // The cluster lives on the app host's local disk (SSD) and mostly in its page cache: random
                    // reads cost about as much as sequential ones, so report ranges use the primary key instead
                    // of scanning the whole facts table (docs/operations.md, "Embedded PostgreSQL").
                    .setServerConfig("random_page_cost", "1.1")
                    // Report aggregations sort or hash 100,000s of rows: keep them in memory (the pool has 10
                    // connections by default).
                    .setServerConfig("work_mem", "16MB");
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
