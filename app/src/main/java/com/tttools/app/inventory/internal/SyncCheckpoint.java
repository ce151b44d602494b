package com.tttools.app.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sync has finished, saved after each unit (one kind of one advertiser, or catalogs of one business
 * center) so that a retried or revived run goes on from there instead of from scratch.
 *
 * @param startedAt        start of the first attempt; entities changed since then count as changed by this sync
 * @param advertiserIds    the advertisers the token reached when the sync started (kept, so a retry works on the
 *                         same plan)
 * @param previousAdvertiserIds what the previous finished sync reached (for granted/lost), null on the first
 */
record SyncCheckpoint(Instant startedAt, List<String> advertiserIds, List<String> previousAdvertiserIds,
        List<String> businessCenterIds, List<String> done) {

    List<String> units() {
        List<String> units = new ArrayList<>();
        for (String bc : businessCenterIds) {
            units.add("CATALOG:" + bc);
        }
        for (String advertiser : advertiserIds) {
            for (String kind : AssetSyncHandler.PER_ADVERTISER) {
                units.add(kind + ":" + advertiser);
            }
        }
        return units;
    }

    SyncCheckpoint with(String unit) {
        List<String> more = new ArrayList<>(done);
        more.add(unit);
        return new SyncCheckpoint(startedAt, advertiserIds, previousAdvertiserIds, businessCenterIds, more);
    }
}
