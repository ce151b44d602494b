package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionDisconnected;
import com.tttools.app.tiktok.TikTokConnections.Disconnection;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disconnect: the token is revoked at TikTok first (outside the transaction, so a slow TikTok holds no lock);
 * then one transaction deletes the token rows, marks the connection DISCONNECTED, publishes the audit event and,
 * when TikTok did not confirm, leaves the token sealed for {@link PendingRevocations}. The same transaction
 * cancels the connection's queued and running syncs. Synced data stays unless the user asked to delete it: then
 * the event names the advertisers whose data goes (those the connection granted, minus those another live
 * connection of the workspace still grants) and the inventory and reporting modules delete their own rows.
 */
@Service
class Disconnector {

    private static final Logger log = LoggerFactory.getLogger(Disconnector.class);

    private final ConnectionRepository connections;
    private final TikTokTokenStore tokens;
    private final TikTokOAuth oauth;
    private final PendingRevocations pending;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final SyncLaunchers launchers;

    Disconnector(ConnectionRepository connections, TikTokTokenStore tokens, TikTokOAuth oauth,
            PendingRevocations pending, ApplicationEventPublisher events, TransactionTemplate tx, SyncLaunchers launchers) {
        this.connections = connections;
        this.tokens = tokens;
        this.oauth = oauth;
        this.pending = pending;
        this.events = events;
        this.tx = tx;
        this.launchers = launchers;
    }

    /** A disconnect that keeps the synced data (the workspace lifecycle, whose purge removes all data anyway). */
    Disconnection disconnect(WorkspaceId workspaceId, UUID connectionId, Actor actor, RequestMetadata request,
            Instant now) {
        return disconnect(workspaceId, connectionId, false, actor, request, now);
    }

    Disconnection disconnect(WorkspaceId workspaceId, UUID connectionId, boolean deleteData, Actor actor,
            RequestMetadata request, Instant now) {
        ConnectionRow row = connections.find(workspaceId, connectionId)
                .orElseThrow(() -> new NotFoundException("Connection"));
        if (row.status() == ConnectionStatus.DISCONNECTED) {
            return Disconnection.alreadyDisconnected();
        }
        // Stop the connection's syncs before the token dies at TikTok: a sync whose next call then fails on the
        // revoked token finds its cancel request committed and ends cancelled, not failed.
        tx.executeWithoutResult(status ->
                launchers.all().forEach(launcher -> launcher.cancel(workspaceId, new ConnectionId(connectionId))));
        Optional<AccessToken> token = tokens.accessToken(workspaceId, connectionId);
        boolean revoked = token.isPresent() && revoke(token.get());
        return tx.execute(status -> {
            // all rows of the workspace, so the "still granted elsewhere" answer cannot change until we commit
            List<ConnectionRow> all = connections.lockAll(workspaceId);
            ConnectionRow locked = all.stream().filter(c -> c.id().equals(connectionId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Connection"));
            if (locked.status() == ConnectionStatus.DISCONNECTED) {
                return Disconnection.alreadyDisconnected();
            }
            tokens.delete(workspaceId, connectionId);
            connections.markDisconnected(workspaceId, connectionId, actor.userId() == null ? null : actor.userId().value(), now);
            if (token.isPresent() && !revoked) {
                pending.add(workspaceId, connectionId, token.get(), now);
            }
            launchers.all().forEach(launcher -> launcher.cancel(workspaceId, new ConnectionId(connectionId)));
            List<String> deleted = List.of();
            List<String> kept = List.of();
            if (deleteData) {
                Set<String> elsewhere = all.stream()
                        .filter(c -> !c.id().equals(connectionId) && c.status() != ConnectionStatus.DISCONNECTED)
                        .flatMap(c -> stillGranted(c).stream()).collect(Collectors.toSet());
                Map<Boolean, List<String>> split = advertisersOf(locked).stream()
                        .collect(Collectors.partitioningBy(elsewhere::contains));
                deleted = split.get(false);
                kept = split.get(true);
            }
            events.publishEvent(new ConnectionDisconnected(connectionId, workspaceId, locked.organizationId(),
                    revoked, deleteData, deleted, kept, actor, request, now));
            return new Disconnection(true, deleteData, deleted, kept);
        });
    }

    /** What a live connection grants: its grant and the last health check's view (conservative: keeps more). */
    private static Set<String> stillGranted(ConnectionRow row) {
        Set<String> ids = new TreeSet<>();
        for (List<String> list : Arrays.asList(row.grantedAdvertisers(), row.seenAdvertisers())) {
            if (list != null) {
                list.stream().filter(Objects::nonNull).forEach(ids::add);
            }
        }
        return ids;
    }

    /** Every advertiser the connection granted or was seen to reach (lost ones included: their data came through it). */
    private static List<String> advertisersOf(ConnectionRow row) {
        Set<String> ids = new TreeSet<>();
        for (List<String> list : Arrays.asList(row.grantedAdvertisers(), row.seenAdvertisers(), row.lostAdvertisers())) {
            if (list != null) {
                list.stream().filter(Objects::nonNull).forEach(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    private boolean revoke(AccessToken token) {
        try {
            oauth.revoke(token);
            return true;
        } catch (NeedsReauthorizationException alreadyDead) {
            return true;
        } catch (TikTokApiException failed) {
            log.warn("TikTok did not confirm the revocation; retrying in the background: {}", failed.getMessage());
            return false;
        }
    }
}
