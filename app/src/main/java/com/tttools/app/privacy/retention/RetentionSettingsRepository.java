package com.tttools.app.privacy.retention;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** privacy_retention_settings: the days organizations chose for configurable classes. */
@Repository
class RetentionSettingsRepository {

    private final JdbcClient jdbc;

    RetentionSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's choices by class code (absent: the class's default). */
    Map<String, Integer> find(OrganizationId organizationId) {
        Map<String, Integer> days = new HashMap<>();
        jdbc.sql("SELECT data_class, days FROM privacy_retention_settings WHERE organization_id = :org")
                .param("org", organizationId.value())
                .query(rs -> {
                    days.put(rs.getString("data_class"), rs.getInt("days"));
                });
        return days;
    }

    /** Every organization's choice for one class (for the purge). */
    Map<OrganizationId, Integer> all(DataClass dataClass) {
        Map<OrganizationId, Integer> days = new HashMap<>();
        jdbc.sql("SELECT organization_id, days FROM privacy_retention_settings WHERE data_class = :class")
                .param("class", dataClass.code())
                .query(rs -> {
                    days.put(new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getInt("days"));
                });
        return days;
    }

    void save(OrganizationId organizationId, DataClass dataClass, int days, UserId by, Instant now) {
        jdbc.sql("""
                        INSERT INTO privacy_retention_settings (organization_id, data_class, days, updated_by, updated_at)
                        VALUES (:org, :class, :days, :by, :now)
                        ON CONFLICT (organization_id, data_class)
                        DO UPDATE SET days = excluded.days, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .param("org", organizationId.value())
                .param("class", dataClass.code())
                .param("days", days)
                .param("by", by == null ? null : by.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    int deleteOrganization(OrganizationId organizationId) {
        return jdbc.sql("DELETE FROM privacy_retention_settings WHERE organization_id = :org")
                .param("org", organizationId.value())
                .update();
    }
}
