package com.tttools.app.privacy.export;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code privacy_exports}: the row is keyed by its job's id; the ZIP is kept in it as bytea. */
@Repository
class ExportStore {

    record ExportRow(UUID id, UUID ownerUserId, UUID organizationId, boolean hasZip, Instant createdAt,
            Instant readyAt, Instant expiresAt) {
    }

    private static final String COLUMNS = """
            id, owner_user_id, organization_id, zip IS NOT NULL AS has_zip, created_at, ready_at, expires_at""";

    private final JdbcClient jdbc;

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(UUID id, UUID owner, UUID organizationId, Instant now) {
        jdbc.sql("""
                        INSERT INTO privacy_exports (id, owner_user_id, organization_id, created_at)
                        VALUES (:id, :owner, :org, :now) ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("owner", owner).param("org", organizationId)
                .param("now", Timestamp.from(now)).update();
    }

    /** Only the owner's row, and only for the given organization (null = a personal export). */
    Optional<ExportRow> find(UUID id, UUID owner, UUID organizationId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM privacy_exports
                        WHERE id = :id AND owner_user_id = :owner AND organization_id IS NOT DISTINCT FROM :org""")
                .param("id", id).param("owner", owner).param("org", organizationId)
                .query(ExportStore::map).optional();
    }

    /** The owner's newest rows for the given organization (null = personal exports). */
    List<ExportRow> recent(UUID owner, UUID organizationId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM privacy_exports
                        WHERE owner_user_id = :owner AND organization_id IS NOT DISTINCT FROM :org
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("owner", owner).param("org", organizationId).param("limit", limit).query(ExportStore::map).list();
    }

    Optional<UUID> ownerOf(UUID id) {
        return jdbc.sql("SELECT owner_user_id FROM privacy_exports WHERE id = :id").param("id", id)
                .query(UUID.class).optional();
    }

    void storeZip(UUID id, byte[] zip, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE privacy_exports SET zip = :zip, size_bytes = :size, ready_at = :now, expires_at = :expires
                        WHERE id = :id""")
                .param("zip", zip).param("size", zip.length).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt)).param("id", id).update();
    }

    Optional<byte[]> zip(UUID id, UUID owner, UUID organizationId, Instant now) {
        return jdbc.sql("""
                        SELECT zip FROM privacy_exports
                        WHERE id = :id AND owner_user_id = :owner AND organization_id IS NOT DISTINCT FROM :org
                          AND zip IS NOT NULL AND expires_at > :now""")
                .param("id", id).param("owner", owner).param("org", organizationId).param("now", Timestamp.from(now))
                .query(byte[].class).optional();
    }

    /** Drops the bytes of exports past their download window (the row stays, so the status reads EXPIRED). */
    int dropExpired(Instant now) {
        return jdbc.sql("UPDATE privacy_exports SET zip = NULL WHERE zip IS NOT NULL AND expires_at <= :now")
                .param("now", Timestamp.from(now)).update();
    }

    int deleteAllOf(UUID owner) {
        return jdbc.sql("DELETE FROM privacy_exports WHERE owner_user_id = :owner").param("owner", owner).update();
    }

    private static ExportRow map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ExportRow(rs.getObject("id", UUID.class), rs.getObject("owner_user_id", UUID.class),
                rs.getObject("organization_id", UUID.class), rs.getBoolean("has_zip"), instant(rs, "created_at"),
                instant(rs, "ready_at"), instant(rs, "expires_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
