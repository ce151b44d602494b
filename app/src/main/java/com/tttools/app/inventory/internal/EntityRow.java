package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.EntityKind;
import java.time.Instant;

/** One entity as read from TikTok, ready to be written: typed columns plus the raw JSON. */
record EntityRow(EntityKind kind, String tiktokId, String advertiserId, String parentTiktokId,
        String campaignTiktokId, String name, String status, String objective, String fieldsJson,
        Instant tiktokModifiedAt) {
}
