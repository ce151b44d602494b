package com.tttools.app.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incremental rules at the storage level: upsert by key, removed (never deleted), revived, unchanged = no write. */
class EntityWriterIT extends IntegrationTest {

    @Autowired
    EntityWriter writer;
    @Autowired
    JdbcClient jdbc;

    final WorkspaceId workspace = WorkspaceId.random();
    final UUID connection = UUID.randomUUID();
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void missingFromAFullListingIsMarkedRemovedAndComesBackWhenListedAgain() {
        writer.upsert(workspace, connection, t0, List.of(campaign("1", "One"), campaign("2", "Two"), campaign("3", "Three")));

        Instant t1 = t0.plusSeconds(60);
        writer.upsert(workspace, connection, t1, List.of(campaign("1", "One"), campaign("2", "Two renamed")));
        int removed = writer.markRemoved(workspace, EntityKind.CAMPAIGN, EntityWriter.Scope.ADVERTISER, "42",
                Set.of("1", "2"), t1);

        assertThat(removed).isEqualTo(1);
        assertThat(row("1")).containsEntry("removed_at", null).containsEntry("updated_at", Timestamp.from(t0));
        assertThat(row("2")).containsEntry("name", "Two renamed").containsEntry("updated_at", Timestamp.from(t1));
        assertThat(row("3")).containsEntry("removed_at", Timestamp.from(t1)).containsEntry("name", "Three");

        Instant t2 = t1.plusSeconds(60);
        writer.upsert(workspace, connection, t2, List.of(campaign("3", "Three")));
        assertThat(row("3")).containsEntry("removed_at", null).containsEntry("updated_at", Timestamp.from(t2));
        assertThat(jdbc.sql("SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws")
                .param("ws", workspace.value()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aPageNamingAnEntityTwiceIsWrittenOnce() {
        writer.upsert(workspace, connection, t0, List.of(campaign("7", "Seven"), campaign("7", "Seven")));
        assertThat(row("7")).containsEntry("name", "Seven");
    }

    @Test
    void aPageWithARowPostgresqlRefusesIsWrittenRowByRowAndOnlyThatRowIsSkipped() {
        List<EntityRow> rejected = new java.util.ArrayList<>();
        EntityRow nul = new EntityRow(EntityKind.CAMPAIGN, "n1", "42", null, null, "Bad\u0000name",
                "CAMPAIGN_STATUS_ENABLE", "TRAFFIC", "{\"campaign_id\":\"n1\"}", null);
        EntityRow farFuture = new EntityRow(EntityKind.CAMPAIGN, "f1", "42", null, null, "Far future",
                "CAMPAIGN_STATUS_ENABLE", "TRAFFIC", "{\"campaign_id\":\"f1\"}", Instant.parse("+300000-01-01T00:00:00Z"));

        int written = writer.upsert(workspace, connection, t0,
                List.of(campaign("11", "Eleven"), nul, farFuture, campaign("12", "Twelve")), rejected::add);

        assertThat(written).isEqualTo(2);
        assertThat(rejected).containsExactly(nul, farFuture);
        assertThat(row("11")).containsEntry("name", "Eleven");
        assertThat(row("12")).containsEntry("name", "Twelve");
        assertThat(jdbc.sql("SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws")
                .param("ws", workspace.value()).query(Long.class).single()).isEqualTo(2);
    }

    private static EntityRow campaign(String id, String name) {
        return new EntityRow(EntityKind.CAMPAIGN, id, "42", null, null, name, "CAMPAIGN_STATUS_ENABLE", "TRAFFIC",
                "{\"campaign_id\":\"" + id + "\",\"campaign_name\":\"" + name + "\",\"note\":\"quote \\\" and, comma\"}", null);
    }

    private Map<String, Object> row(String tiktokId) {
        return jdbc.sql("""
                        SELECT name, removed_at, updated_at FROM inventory_entities
                        WHERE workspace_id = :ws AND kind = 'CAMPAIGN' AND tiktok_id = :id""")
                .param("ws", workspace.value()).param("id", tiktokId)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("removed_at", rs.getTimestamp("removed_at"));
                    row.put("updated_at", rs.getTimestamp("updated_at"));
                    return row;
                }).single();
    }
}
