package com.tttools.app.tiktok;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Past-tense events of TikTok connections, published in the transaction that made the change. They carry ids,
 * statuses and TikTok error codes, never a token.
 */
public final class TikTokConnectionEvents {

    private TikTokConnectionEvents() {
    }

    public record ConnectionEstablished(UUID connectionId, WorkspaceId workspaceId, OrganizationId organizationId,
            List<String> advertiserIds, List<Long> scopes, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("connection.connected", actor, connectionId, organizationId, workspaceId, request,
                    Map.of("scopes", scopes, "advertiserCount", advertiserIds.size()), at);
        }
    }

    /** {@code errorCode} is TikTok's code when the change came from a failed call. */
    public record ConnectionStatusChanged(UUID connectionId, WorkspaceId workspaceId, OrganizationId organizationId,
            ConnectionStatus from, ConnectionStatus to, Integer errorCode, Actor actor, RequestMetadata request,
            Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            Map<String, Object> details = new HashMap<>();
            details.put("from", from.name());
            details.put("to", to.name());
            if (errorCode != null) {
                details.put("error", errorCode);
            }
            // the catalogue's connection.needs_reauth is the transition users care about; others are status_changed
            String action = to == ConnectionStatus.NEEDS_REAUTH ? "connection.needs_reauth"
                    : "connection.status_changed";
            return entry(action, actor, connectionId, organizationId, workspaceId,
                    request, details, at);
        }
    }

    /**
     * The refresh token of a TikTok-account connection runs out at {@code expiresAt} (soon, or already): after that
     * the connection needs a new authorisation. Published once per expiry date.
     */
    public record ConnectionTokenExpiring(UUID connectionId, WorkspaceId workspaceId, OrganizationId organizationId,
            Instant expiresAt, Instant at) {
    }

    /** The health check saw advertisers appear or disappear since the check before. */
    public record ConnectionAdvertisersChanged(UUID connectionId, WorkspaceId workspaceId,
            OrganizationId organizationId, List<String> added, List<String> lost, Instant at)
            implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("connection.advertisers_changed", Actor.system("job:tiktok-connection-health"),
                    connectionId, organizationId, workspaceId, RequestMetadata.none(),
                    Map.of("added", added, "lost", lost), at);
        }
    }

    /**
     * Tokens deleted; {@code revokedAtTikTok} false when the revocation was left to the retry task (or no token).
     * {@code deleteData}: the user asked to delete the data synced through the connection; then
     * {@code deletedAdvertiserIds} are the advertisers whose inventory and reports each module removes now (its
     * listener, after this commit), and {@code keptAdvertiserIds} those another live connection of the workspace
     * still grants (their data stays). Both empty without {@code deleteData}.
     */
    public record ConnectionDisconnected(UUID connectionId, WorkspaceId workspaceId, OrganizationId organizationId,
            boolean revokedAtTikTok, boolean deleteData, List<String> deletedAdvertiserIds,
            List<String> keptAdvertiserIds, Actor actor, RequestMetadata request, Instant at)
            implements AuditableEvent {

        public ConnectionDisconnected {
            deletedAdvertiserIds = List.copyOf(deletedAdvertiserIds);
            keptAdvertiserIds = List.copyOf(keptAdvertiserIds);
        }

        @Override
        public AuditEntry auditEntry() {
            Map<String, Object> details = new HashMap<>();
            details.put("revokedAtTikTok", revokedAtTikTok);
            details.put("dataDeleted", deleteData);
            if (deleteData) {
                details.put("advertisersDeleted", deletedAdvertiserIds);
                details.put("advertisersKept", keptAdvertiserIds);
            }
            return entry("connection.disconnected", actor, connectionId, organizationId, workspaceId, request,
                    details, at);
        }
    }

    /** A disconnected connection's row was removed from the workspace's list; its synced data stays. */
    public record ConnectionRemoved(UUID connectionId, WorkspaceId workspaceId, OrganizationId organizationId,
            int advertiserCount, Actor actor, RequestMetadata request, Instant at) implements AuditableEvent {
        @Override
        public AuditEntry auditEntry() {
            return entry("connection.removed", actor, connectionId, organizationId, workspaceId, request,
                    Map.of("advertiserCount", advertiserCount), at);
        }
    }

    private static AuditEntry entry(String action, Actor actor, UUID connectionId, OrganizationId organizationId,
            WorkspaceId workspaceId, RequestMetadata request, Map<String, Object> details, Instant at) {
        return new AuditEntry(action, actor, "connection", connectionId.toString(), organizationId,
                workspaceId, request, details, at);
    }
}
