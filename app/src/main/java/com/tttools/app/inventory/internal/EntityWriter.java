package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.WorkspaceId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batched writes: a page of entities is streamed with COPY into a temporary staging table and merged with one
 * INSERT ... ON CONFLICT DO UPDATE, so a page of 1,000 ads costs two statements, not 1,000.
 */
@Component
class EntityWriter {

    private static final String STAGING_COLUMNS =
            "kind, tiktok_id, advertiser_id, parent_tiktok_id, campaign_tiktok_id, name, status, objective, fields, tiktok_modified_at";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    EntityWriter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Upserts the rows, keyed by (workspace, kind, TikTok id); a row seen again is no longer removed. */
    int upsert(WorkspaceId workspaceId, UUID connectionId, Instant syncedAt, List<EntityRow> rows) {
        return upsert(workspaceId, connectionId, syncedAt, rows, row -> {
            throw new IllegalStateException("Could not store " + row.kind() + " " + row.tiktokId());
        });
    }

    /**
     * Upserts the rows; when PostgreSQL refuses the page as data (SQLSTATE class 22 or 23, e.g. a NUL character or
     * a date out of range), the page is written again row by row, each under its own savepoint, and only the rows
     * that still fail are skipped and handed to {@code rejected}.
     */
    int upsert(WorkspaceId workspaceId, UUID connectionId, Instant syncedAt, List<EntityRow> rows,
            Consumer<EntityRow> rejected) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = transaction.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint page;
            try {
                try (Statement statement = connection.createStatement()) {
                    // Safe to commit pages asynchronously: the job's checkpoint is committed synchronously after
                    // them, and WAL is flushed in order, so a crash never keeps a checkpoint without its pages.
                    statement.execute("SET LOCAL synchronous_commit = off");
                    statement.execute("""
                            CREATE TEMP TABLE IF NOT EXISTS inventory_staging (
                                kind TEXT, tiktok_id TEXT, advertiser_id TEXT, parent_tiktok_id TEXT,
                                campaign_tiktok_id TEXT, name TEXT, status TEXT, objective TEXT, fields JSONB,
                                tiktok_modified_at TIMESTAMPTZ) ON COMMIT DELETE ROWS""");
                }
                page = connection.setSavepoint();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage inventory rows", e);
            }
            try {
                int count = stageAndMerge(connection, rows, workspaceId, connectionId, syncedAt);
                connection.releaseSavepoint(page);
                return count;
            } catch (SQLException | DataAccessException e) {
                if (!refusedAsData(e)) {
                    throw new IllegalStateException("Could not stage inventory rows", e);
                }
                return rowByRow(connection, page, rows, workspaceId, connectionId, syncedAt, rejected);
            }
        });
        return written == null ? 0 : written;
    }

    private int rowByRow(Connection connection, Savepoint page, List<EntityRow> rows, WorkspaceId workspaceId,
            UUID connectionId, Instant syncedAt, Consumer<EntityRow> rejected) {
        int count = 0;
        try {
            connection.rollback(page);
            for (EntityRow row : rows) {
                Savepoint one = connection.setSavepoint();
                try {
                    count += stageAndMerge(connection, List.of(row), workspaceId, connectionId, syncedAt);
                    connection.releaseSavepoint(one);
                } catch (SQLException | DataAccessException e) {
                    if (!refusedAsData(e)) {
                        throw new IllegalStateException("Could not stage inventory rows", e);
                    }
                    connection.rollback(one);
                    rejected.accept(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage inventory rows", e);
        }
        return count;
    }

    private int stageAndMerge(Connection connection, List<EntityRow> rows, WorkspaceId workspaceId, UUID connectionId,
            Instant syncedAt) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM inventory_staging");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY inventory_staging (" + STAGING_COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new StringReader(csv(rows)));
        } catch (IOException e) {
            throw new IllegalStateException("Could not stage inventory rows", e);
        }
        return merge(workspaceId, connectionId, syncedAt);
    }

    /** PostgreSQL's data exceptions (class 22) and integrity violations (class 23): the rows, not the database. */
    private static boolean refusedAsData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }

    /**
     * DISTINCT ON guards against one page naming an entity twice (ON CONFLICT may not touch a row twice). An
     * entity whose TikTok fields did not change is not written at all (the WHERE of DO UPDATE): an hourly sync of
     * an unchanged account then costs reads only. synced_at and updated_at are the last time the row changed.
     */
    private int merge(WorkspaceId workspaceId, UUID connectionId, Instant syncedAt) {
        return jdbc.sql("""
                        INSERT INTO inventory_entities AS e (workspace_id, kind, tiktok_id, advertiser_id, parent_tiktok_id,
                            campaign_tiktok_id, name, status, objective, fields, tiktok_modified_at, connection_id,
                            synced_at, updated_at, removed_at)
                        SELECT DISTINCT ON (kind, tiktok_id) :workspaceId, kind, tiktok_id, advertiser_id, parent_tiktok_id,
                            campaign_tiktok_id, name, status, objective, fields, tiktok_modified_at, :connectionId,
                            :syncedAt, :syncedAt, NULL
                        FROM inventory_staging
                        ON CONFLICT (workspace_id, kind, tiktok_id) DO UPDATE SET
                            advertiser_id = excluded.advertiser_id, parent_tiktok_id = excluded.parent_tiktok_id,
                            campaign_tiktok_id = excluded.campaign_tiktok_id, name = excluded.name,
                            status = excluded.status, objective = excluded.objective, fields = excluded.fields,
                            tiktok_modified_at = excluded.tiktok_modified_at, connection_id = excluded.connection_id,
                            synced_at = excluded.synced_at, removed_at = NULL,
                            updated_at = CASE WHEN e.fields IS DISTINCT FROM excluded.fields OR e.removed_at IS NOT NULL
                                THEN excluded.updated_at ELSE e.updated_at END
                        WHERE e.fields IS DISTINCT FROM excluded.fields OR e.removed_at IS NOT NULL""")
                .param("workspaceId", workspaceId.value())
                .param("connectionId", connectionId)
                .param("syncedAt", Timestamp.from(syncedAt))
                .update();
    }

    /** Where a full listing looks: one advertiser, one business center (catalogs), or the whole connection. */
    enum Scope {
        ADVERTISER("advertiser_id"), PARENT("parent_tiktok_id"), CONNECTION("CAST(connection_id AS text)");

        private final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    /**
     * After a full listing of one kind in one scope: what the listing did not see is marked removed, never
     * deleted, so history stays visible. The seen ids come from the listing itself rather than from a stamp on
     * each row, so that re-listing an unchanged entity writes nothing.
     */
    int markRemoved(WorkspaceId workspaceId, EntityKind kind, Scope scope, String scopeValue, Set<String> seen,
            Instant now) {
        return jdbc.sql("""
                        UPDATE inventory_entities e SET removed_at = :now, updated_at = :now
                        WHERE e.workspace_id = :workspaceId AND e.kind = :kind AND e.removed_at IS NULL
                          AND %s = :scopeValue
                          AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(:seen, ',')) AS s(id)
                                          WHERE s.id = e.tiktok_id)""".formatted(scope.column))
                .param("now", Timestamp.from(now))
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("scopeValue", scopeValue)
                .param("seen", String.join(",", seen))   // TikTok ids are digits
                .update();
    }

    static String csv(List<EntityRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 512);
        for (EntityRow row : rows) {
            field(out, row.kind().name()).append(',');
            field(out, row.tiktokId()).append(',');
            field(out, row.advertiserId()).append(',');
            field(out, row.parentTiktokId()).append(',');
            field(out, row.campaignTiktokId()).append(',');
            field(out, row.name()).append(',');
            field(out, row.status()).append(',');
            field(out, row.objective()).append(',');
            field(out, row.fieldsJson()).append(',');
            field(out, row.tiktokModifiedAt() == null ? null : row.tiktokModifiedAt().toString()).append('\n');
        }
        return out.toString();
    }

    /** CSV: null is an unquoted empty field; every value is quoted, with quotes doubled. */
    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
