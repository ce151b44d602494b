package com.tttools.app.tiktok.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Job types and payloads of TikTok syncs (the handlers live with the sync code and read {@code connectionId}). */
final class SyncRequests {

    static final String ASSET_SYNC = "tiktok.asset-sync";
    static final String REPORT_SYNC = "tiktok.report-sync";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SyncRequests() {
    }

    static String payload(UUID connectionId, String from, String to) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("connectionId", connectionId.toString());
        if (from != null) {
            payload.put("from", from);
        }
        if (to != null) {
            payload.put("to", to);
        }
        return JSON.writeValueAsString(payload);
    }

    /** One sync per connection and kind at a time. */
    static String concurrencyKey(UUID connectionId, String kind) {
        return "sync:" + connectionId + ":" + kind;
    }
}
