package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code tiktok_connection}. */
record ConnectionRow(UUID id, WorkspaceId workspaceId, OrganizationId organizationId, String kind,
        ConnectionStatus status, List<Long> scopes, List<String> grantedAdvertisers, List<String> seenAdvertisers,
        List<String> newAdvertisers, List<String> lostAdvertisers, Instant tokenExpiresAt, UUID connectedBy,
        Instant connectedAt, Instant lastCheckedAt, Instant lastSuccessAt, Instant lastSyncAt, Integer lastErrorCode,
        String lastErrorMessage, String lastErrorRequestId, Instant lastErrorAt, Instant suspendedAt) {

    static final String ADVERTISER = "ADVERTISER";
    static final String TT_USER = "TT_USER";

    /** Usable by background work: live (ACTIVE, or ERROR while TikTok fails) and its workspace not deleted. */
    boolean schedulable() {
        return (status == ConnectionStatus.ACTIVE || status == ConnectionStatus.ERROR) && suspendedAt == null;
    }

    /** The advertisers the connection reaches now: the last check's view, else the grant. */
    List<String> currentAdvertisers() {
        return seenAdvertisers != null ? seenAdvertisers : grantedAdvertisers;
    }
}
