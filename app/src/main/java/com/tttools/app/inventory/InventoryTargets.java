package com.tttools.app.inventory;

import com.tttools.app.shared.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a module that writes to TikTok (bulk change sets) needs of the inventory: which entities a selection names,
 * the connection that reaches each, the advertisers' currency and timezone, and a way to show a write at once
 * instead of after the next sync. Every method is scoped by workspace; ids of other workspaces are simply absent.
 */
public interface InventoryTargets {

    /** An entity a write can target, with the connection whose token reaches its advertiser. */
    record Target(String tiktokId, String name, String advertiserId, String campaignId, String parentId,
            UUID connectionId, String status, boolean removed) {
    }

    /** An advertiser's money and clock. */
    record Advertiser(String tiktokId, String name, String currency, String timezone) {
    }

    /** The entities of the kind with these TikTok ids (unknown ids left out), in no particular order. */
    List<Target> resolve(WorkspaceId workspaceId, EntityKind kind, Collection<String> tiktokIds);

    /**
     * The TikTok ids of every entity (not removed) the query's filters match (its sort, limit and cursor are
     * ignored), at most {@code max}; the filters are validated as the list API validates them.
     */
    List<String> matchingIds(WorkspaceId workspaceId, InventoryQuery query, int max);

    /** The advertisers with these TikTok ids, by id. */
    Map<String, Advertiser> advertisers(WorkspaceId workspaceId, Collection<String> advertiserIds);

    /**
     * A write made at TikTok to one entity: its stored fields take {@code fields} (TikTok's names, e.g.
     * {@code operation_status}, {@code budget}), its status {@code status} when not null.
     */
    record Write(String tiktokId, Map<String, Object> fields, String status) {
    }

    /**
     * Records writes made at TikTok to entities of the kind, in one statement, so a write shows at once instead of
     * after the next sync (which overwrites them with what TikTok lists).
     */
    void recordWrites(WorkspaceId workspaceId, EntityKind kind, List<Write> writes);
}
