package com.tttools.app.reporting.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.EntityLabels;
import com.tttools.app.shared.WorkspaceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current names of the advertisers, campaigns and ad groups a report is drilled into (the reporting page's
 * breadcrumb), read in one statement from inventory's read model {@link EntityLabels}.
 */
@Component
public class ReportEntityNames {

    /**
     * The advertisers the workspace's reports cover (those a report sync has seen), by name: the inventory's current
     * name, else the one the sync recorded, else the id. What the reporting page's advertiser control offers.
     */
    public Map<String, String> reportAdvertisers(WorkspaceId workspace) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.advertiser_id, coalesce(i.name, a.name, a.advertiser_id) AS name FROM report_advertisers a
                        LEFT JOIN inventory_entity_labels i ON i.workspace_id = :ws AND i.kind = :kind
                            AND i.tiktok_id = a.advertiser_id
                        WHERE a.workspace_id = :ws ORDER BY lower(coalesce(i.name, a.name, a.advertiser_id)), a.advertiser_id""")
                .param("ws", workspace.value()).param("kind", EntityLabels.kind(EntityKind.ADVERTISER))
                .query((rs, i) -> names.put(rs.getString("advertiser_id"), rs.getString("name"))).list();
        return names;
    }

    /** Names by TikTok id per level; an id inventory has not seen (yet) is absent. */
    public record Names(Map<String, String> advertisers, Map<String, String> campaigns, Map<String, String> adgroups) {
    }

    private final JdbcClient jdbc;

    ReportEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Names of(WorkspaceId workspace, List<String> advertiserIds, List<String> campaignIds,
            List<String> adgroupIds) {
        Names names = new Names(new HashMap<>(), new HashMap<>(), new HashMap<>());
        if (advertiserIds.isEmpty() && campaignIds.isEmpty() && adgroupIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT kind, tiktok_id, name FROM inventory_entity_labels
                        WHERE workspace_id = :ws AND name IS NOT NULL
                          AND ((kind = :advertiser AND tiktok_id = ANY(CAST(:advertisers AS text[])))
                            OR (kind = :campaign AND tiktok_id = ANY(CAST(:campaigns AS text[])))
                            OR (kind = :adgroup AND tiktok_id = ANY(CAST(:adgroups AS text[]))))""")
                .param("ws", workspace.value())
                .param("advertiser", EntityLabels.kind(EntityKind.ADVERTISER))
                .param("campaign", EntityLabels.kind(EntityKind.CAMPAIGN))
                .param("adgroup", EntityLabels.kind(EntityKind.AD_GROUP))
                .param("advertisers", advertiserIds.toArray(String[]::new))
                .param("campaigns", campaignIds.toArray(String[]::new))
                .param("adgroups", adgroupIds.toArray(String[]::new))
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    Map<String, String> level = kind.equals(EntityLabels.kind(EntityKind.ADVERTISER))
                            ? names.advertisers() : kind.equals(EntityLabels.kind(EntityKind.CAMPAIGN))
                            ? names.campaigns() : names.adgroups();
                    level.put(rs.getString("tiktok_id"), rs.getString("name"));
                    return kind;
                }).list();
        return names;
    }
}
