package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.inventory.InventoryTargets;
import com.tttools.app.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** {@link InventoryTargets} over {@code inventory_entities}; filters reuse the list API's validation. */
@Service
class InventoryTargetsService implements InventoryTargets {

    private final JdbcClient jdbc;
    private final InventoryService inventory;
    private final JsonMapper json;

    InventoryTargetsService(JdbcClient jdbc, InventoryService inventory, JsonMapper json) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.json = json;
    }

    @Override
    public List<Target> resolve(WorkspaceId workspaceId, EntityKind kind, Collection<String> tiktokIds) {
        if (tiktokIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT tiktok_id, name, advertiser_id, campaign_tiktok_id, parent_tiktok_id, connection_id, status,
                               removed_at IS NOT NULL AS removed
                        FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND kind = :kind AND tiktok_id = ANY(:ids)""")
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("ids", tiktokIds.toArray(String[]::new))
                .query((rs, n) -> new Target(rs.getString("tiktok_id"), rs.getString("name"),
                        rs.getString("advertiser_id"), rs.getString("campaign_tiktok_id"),
                        rs.getString("parent_tiktok_id"), rs.getObject("connection_id", UUID.class),
                        rs.getString("status"), rs.getBoolean("removed")))
                .list();
    }

    @Override
    public List<String> matchingIds(WorkspaceId workspaceId, InventoryQuery query, int max) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = inventory.list(workspaceId, new InventoryQuery(query.kind(), query.advertiserId(),
                    query.status(), query.objective(), query.campaignId(), query.adGroupId(), query.q(), "tiktokId",
                    InventoryService.MAX_LIMIT, cursor, query.statuses()), false);
            page.items().stream().filter(item -> !item.removed()).forEach(item -> ids.add(item.tiktokId()));
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < max);
        return ids.size() > max ? ids.subList(0, max) : ids;
    }

    @Override
    public Map<String, Advertiser> advertisers(WorkspaceId workspaceId, Collection<String> advertiserIds) {
        Map<String, Advertiser> out = new LinkedHashMap<>();
        if (advertiserIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT tiktok_id, name, fields ->> 'currency' AS currency, fields ->> 'timezone' AS timezone
                        FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND kind = 'ADVERTISER' AND tiktok_id = ANY(:ids)""")
                .param("workspaceId", workspaceId.value())
                .param("ids", advertiserIds.toArray(String[]::new))
                .query((rs, n) -> out.put(rs.getString("tiktok_id"), new Advertiser(rs.getString("tiktok_id"),
                        rs.getString("name"), rs.getString("currency"), rs.getString("timezone"))))
                .list();
        return out;
    }

    @Override
    public void recordWrites(WorkspaceId workspaceId, EntityKind kind, List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        // one row per entity (the last write wins), so that the UPDATE ... FROM matches each entity once
        Map<String, Write> byId = new LinkedHashMap<>();
        writes.forEach(w -> byId.put(w.tiktokId(), w));
        jdbc.sql("""
                        UPDATE inventory_entities e
                           SET fields = e.fields || CAST(t.fields AS jsonb), status = coalesce(t.status, e.status),
                               updated_at = now()
                          FROM unnest(:ids, :fields, :statuses) AS t(tiktok_id, fields, status)
                         WHERE e.workspace_id = :workspaceId AND e.kind = :kind AND e.tiktok_id = t.tiktok_id""")
                .param("ids", byId.keySet().toArray(String[]::new))
                .param("fields", byId.values().stream().map(w -> json.writeValueAsString(w.fields()))
                        .toArray(String[]::new))
                .param("statuses", byId.values().stream().map(Write::status).toArray(String[]::new))
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .update();
    }
}
