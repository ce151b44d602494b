package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.WorkspaceId;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
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
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = transaction.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
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
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY inventory_staging (" + STAGING_COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new StringReader(csv(rows)));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Could not stage inventory rows", e);
            }
            return merge(workspaceId, connectionId, syncedAt);
        });
        return written == null ? 0 : written;
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
