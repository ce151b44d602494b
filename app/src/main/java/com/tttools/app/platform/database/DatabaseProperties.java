package com.tttools.app.platform.database;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the system of record lives. With {@code url} blank (no {@code DATABASE_URL}) an embedded PostgreSQL 17
 * starts with its data in {@code embedded.dataDir}, kept across restarts.
 *
 * @param url         {@code DATABASE_URL}: {@code postgres://user:pass@host:port/db?sslmode=require} or
 *                    {@code jdbc:postgresql://...}; blank for the embedded server
 * @param maxPoolSize connections this node may hold (mind Supabase's pooler limits, see docs/operations.md)
 * @param migrationUrl {@code DATABASE_MIGRATION_URL}: where Flyway migrates (same forms as {@code url}); blank = the
 *                    pool's server. Set it to the direct or session-mode URL when {@code url} goes through a
 *                    transaction pooler
 * @param transactionPooler {@code TTTOOLS_DB_TRANSACTION_POOLER}: whether {@code url} is a transaction-mode pooler
 *                    ({@link TransactionPooler})
 * @param connectionWait {@code TTTOOLS_DB_CONNECTION_WAIT}: how long a request waits for a pooled connection before
 *                    it fails; also how long the readiness probe takes to say DOWN once the database is gone
 */
@Validated
@ConfigurationProperties("tttools.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("10") @Min(1) @Max(200) int maxPoolSize,
        String migrationUrl,
        @DefaultValue("auto") @NotNull TransactionPooler.Mode transactionPooler,
        @DefaultValue @Valid @NotNull Embedded embedded,
        @DefaultValue("30s") @NotNull Duration connectionWait) {

    @ConstructorBinding
    public DatabaseProperties {
    }

    /** With the default wait for a connection (30 s, HikariCP's own). */
    public DatabaseProperties(String url, int maxPoolSize, String migrationUrl, TransactionPooler.Mode transactionPooler,
            Embedded embedded) {
        this(url, maxPoolSize, migrationUrl, transactionPooler, embedded, Duration.ofSeconds(30));
    }

    /**
     * @param dataDir             folder of the embedded cluster's data
     * @param port                fixed port, or 0 for any free one
     * @param cleanDataDirectory  wipe the data on start and stop (tests only)
     */
    public record Embedded(
            @DefaultValue("./data/postgres") @NotNull Path dataDir,
            @DefaultValue("0") @Min(0) @Max(65535) int port,
            @DefaultValue("false") boolean cleanDataDirectory) {
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
