package com.tttools.app.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.EntityLabels;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inventory's published read model ({@link EntityLabels}): the view keeps its documented columns and follows the
 * table, and no other module's SQL names an inventory table (they read the view).
 */
class EntityLabelsReadModelIT extends IntegrationTest {

    /** SQL naming an inventory table (not the view), as FROM/JOIN/INTO/UPDATE/TABLE would. */
    static final Pattern INVENTORY_TABLE_IN_SQL = Pattern.compile(
            "(?i)\\b(from|join|into|update|table)\\s+inventory_(entities|connection_syncs|listing_marks)\\b");

    @Autowired
    EntityWriter writer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theViewHasItsDocumentedColumnsAndShowsNamesStatusesAndRemovals() {
        assertThat(jdbc.sql("""
                        SELECT column_name FROM information_schema.columns WHERE table_name = :view
                        ORDER BY ordinal_position""")
                .param("view", EntityLabels.VIEW).query(String.class).list())
                .containsExactly("workspace_id", "kind", "tiktok_id", "inventory_id", "name", "status", "removed",
                        "advertiser_id", "campaign_id", "adgroup_id", "objective");

        WorkspaceId workspace = WorkspaceId.random();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        writer.upsert(workspace, UUID.randomUUID(), t0, List.of(campaign("1", "Kept"), campaign("2", "Gone")));
        writer.markRemoved(workspace, EntityKind.CAMPAIGN, EntityWriter.Scope.ADVERTISER, "42", Set.of("1"),
                t0.plusSeconds(1));

        List<Map<String, Object>> labels = jdbc.sql("""
                        SELECT tiktok_id, name, status, removed FROM inventory_entity_labels
                        WHERE workspace_id = :ws AND kind = :kind ORDER BY tiktok_id""")
                .param("ws", workspace.value()).param("kind", EntityLabels.kind(EntityKind.CAMPAIGN))
                .query().listOfRows();
        assertThat(labels).containsExactly(
                Map.of("tiktok_id", "1", "name", "Kept", "status", "CAMPAIGN_STATUS_ENABLE", "removed", false),
                Map.of("tiktok_id", "2", "name", "Gone", "status", "CAMPAIGN_STATUS_ENABLE", "removed", true));
    }

    @Test
    void noOtherModulesSqlNamesAnInventoryTable() throws IOException {
        Path main = Path.of("src", "main", "java", "com", "tttools", "app");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("inventory")))
                    .filter(f -> INVENTORY_TABLE_IN_SQL.matcher(read(f)).find())
                    .map(Path::toString).toList();
            assertThat(offenders).as("read inventory through its read model %s", EntityLabels.VIEW).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityRow campaign(String id, String name) {
        return new EntityRow(EntityKind.CAMPAIGN, id, "42", null, null, name, "CAMPAIGN_STATUS_ENABLE", "TRAFFIC",
                "{\"campaign_id\":\"" + id + "\"}", null);
    }
}
