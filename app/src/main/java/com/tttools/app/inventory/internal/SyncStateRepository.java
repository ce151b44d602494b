package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.ConnectionSync;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-connection sync results and per-advertiser listing marks. */
@Repository
class SyncStateRepository {

    record ListingMark(Instant listedAt, Instant fullListedAt) {
    }

    private final JdbcClient jdbc;

    SyncStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConnectionSync> connectionSync(WorkspaceId workspaceId, UUID connectionId) {
        return jdbc.sql("""
                        SELECT connection_id, advertiser_ids, granted_since_last, lost_since_last, last_started_at,
                               last_finished_at
                        FROM inventory_connection_syncs WHERE workspace_id = :workspaceId AND connection_id = :connectionId""")
                .param("workspaceId", workspaceId.value())
                .param("connectionId", connectionId)
                .query((rs, n) -> new ConnectionSync(rs.getObject("connection_id", UUID.class),
                        strings(rs, "advertiser_ids"), strings(rs, "granted_since_last"), strings(rs, "lost_since_last"),
                        rs.getTimestamp("last_started_at").toInstant(), rs.getTimestamp("last_finished_at").toInstant()))
                .optional();
    }

    void saveConnectionSync(WorkspaceId workspaceId, ConnectionSync sync) {
        jdbc.sql("""
                        INSERT INTO inventory_connection_syncs (workspace_id, connection_id, advertiser_ids,
                            granted_since_last, lost_since_last, last_started_at, last_finished_at)
                        VALUES (:workspaceId, :connectionId, string_to_array(:advertiserIds, ','), string_to_array(:granted, ','),
                            string_to_array(:lost, ','), :startedAt, :finishedAt)
                        ON CONFLICT (workspace_id, connection_id) DO UPDATE SET advertiser_ids = excluded.advertiser_ids,
                            granted_since_last = excluded.granted_since_last, lost_since_last = excluded.lost_since_last,
                            last_started_at = excluded.last_started_at, last_finished_at = excluded.last_finished_at""")
                .param("workspaceId", workspaceId.value())
                .param("connectionId", sync.connectionId())
                .param("advertiserIds", String.join(",", sync.advertiserIds()))   // TikTok ids are digits
                .param("granted", String.join(",", sync.grantedSinceLast()))
                .param("lost", String.join(",", sync.lostSinceLast()))
                .param("startedAt", Timestamp.from(sync.lastStartedAt()))
                .param("finishedAt", Timestamp.from(sync.lastFinishedAt()))
                .update();
    }

    Optional<ListingMark> listingMark(WorkspaceId workspaceId, String advertiserId, EntityKind kind) {
        return jdbc.sql("""
                        SELECT listed_at, full_listed_at FROM inventory_listing_marks
                        WHERE workspace_id = :workspaceId AND scope = :advertiserId AND kind = :kind""")
                .param("workspaceId", workspaceId.value())
                .param("advertiserId", advertiserId)
                .param("kind", kind.name())
                .query((rs, n) -> new ListingMark(rs.getTimestamp("listed_at").toInstant(),
                        rs.getTimestamp("full_listed_at").toInstant()))
                .optional();
    }

    void saveListingMark(WorkspaceId workspaceId, String advertiserId, EntityKind kind, ListingMark mark) {
        jdbc.sql("""
                        INSERT INTO inventory_listing_marks (workspace_id, scope, kind, listed_at, full_listed_at)
                        VALUES (:workspaceId, :advertiserId, :kind, :listedAt, :fullListedAt)
                        ON CONFLICT (workspace_id, scope, kind) DO UPDATE SET listed_at = excluded.listed_at,
                            full_listed_at = excluded.full_listed_at""")
                .param("workspaceId", workspaceId.value())
                .param("advertiserId", advertiserId)
                .param("kind", kind.name())
                .param("listedAt", Timestamp.from(mark.listedAt()))
                .param("fullListedAt", Timestamp.from(mark.fullListedAt()))
                .update();
    }

    /** Full listings of the kind in these scopes finished now (one statement for all scopes). */
    void markListed(WorkspaceId workspaceId, EntityKind kind, List<String> scopes, Instant listedAt) {
        jdbc.sql("""
                        INSERT INTO inventory_listing_marks (workspace_id, scope, kind, listed_at, full_listed_at)
                        SELECT :workspaceId, s.scope, :kind, :listedAt, :listedAt
                        FROM unnest(string_to_array(:scopes, ',')) AS s(scope)
                        ON CONFLICT (workspace_id, scope, kind) DO UPDATE SET listed_at = excluded.listed_at,
                            full_listed_at = excluded.full_listed_at""")
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("scopes", String.join(",", scopes))   // TikTok ids are digits
                .param("listedAt", Timestamp.from(listedAt))
                .update();
    }

    /** TikTok ids of the advertiser's entities of a kind whose content changed since the instant. */
    List<String> changedSince(WorkspaceId workspaceId, EntityKind kind, String advertiserId, Instant since) {
        return jdbc.sql("""
                        SELECT tiktok_id FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND kind = :kind AND advertiser_id = :advertiserId
                          AND updated_at >= :since""")
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("advertiserId", advertiserId)
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
