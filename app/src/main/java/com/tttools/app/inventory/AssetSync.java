package com.tttools.app.inventory;

/** The asset sync job: submit it with {@code Jobs.submit} (payload {@code {"connectionId": "<uuid>"}}). */
public final class AssetSync {

    public static final String JOB_TYPE = "tiktok.asset-sync";

    private AssetSync() {
    }

    public static String payload(java.util.UUID connectionId) {
        return "{\"connectionId\":\"" + connectionId + "\"}";
    }

    /** The concurrency key that keeps two syncs of one connection from running at once. */
    public static String concurrencyKey(java.util.UUID connectionId) {
        return "sync:" + connectionId + ":ASSETS";
    }
}
