package com.tttools.app.tiktok;

/**
 * The state of a TikTok connection, as stored in {@code tiktok_connection.status} and shown by the API (the enum
 * names are the API's strings). Pages show their own words for it, never these names.
 */
public enum ConnectionStatus {

    /** TikTok accepts the grant. */
    ACTIVE,
    /** TikTok no longer accepts the grant: its tokens are gone and syncs wait for the user to connect again. */
    NEEDS_REAUTH,
    /** TikTok's calls fail (outage, throttling): syncs keep retrying. */
    ERROR,
    /** Tokens revoked and deleted by a user (or the workspace's deletion); the row stays for the synced data. */
    DISCONNECTED
}
