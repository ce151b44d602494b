package com.tttools.app.reporting.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.EntityLabels;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.AdvertiserNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Advertiser names for the connections page: the inventory's current name (its read model), else the one the last
 * report sync recorded.
 */
@Component
class ReportAdvertiserNames implements AdvertiserNames {

    private final JdbcClient jdbc;

    ReportAdvertiserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> of(WorkspaceId workspaceId, Collection<String> advertiserIds) {
        Map<String, String> names = new HashMap<>();
        if (advertiserIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT ids.id, coalesce(i.name, a.name) AS name
                        FROM unnest(CAST(:ids AS text[])) AS ids(id)
                        LEFT JOIN inventory_entity_labels i ON i.workspace_id = :ws AND i.kind = :kind AND i.tiktok_id = ids.id
                        LEFT JOIN report_advertisers a ON a.workspace_id = :ws AND a.advertiser_id = ids.id""")
                .param("ws", workspaceId.value()).param("kind", EntityLabels.kind(EntityKind.ADVERTISER))
                .param("ids", advertiserIds.stream().distinct().toArray(String[]::new))
                .query((rs, i) -> {
                    if (rs.getString("name") != null) {
                        names.put(rs.getString("id"), rs.getString("name"));
                    }
                    return null;
                })
                .list();
        return names;
    }
}
