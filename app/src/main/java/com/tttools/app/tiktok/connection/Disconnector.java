package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tiktok.AccessToken;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionDisconnected;
import com.tttools.app.tiktok.TikTokOAuth;
import com.tttools.app.tiktok.TikTokTokenStore;
import com.tttools.app.tiktok.connection.ConnectionRow.Status;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disconnect: the token is revoked at TikTok first (outside the transaction, so a slow TikTok holds no lock);
 * then one transaction deletes the token rows, marks the connection DISCONNECTED, publishes the audit event and,
 * when TikTok did not confirm, leaves the token sealed for {@link PendingRevocations}. Synced data stays.
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

    Disconnector(ConnectionRepository connections, TikTokTokenStore tokens, TikTokOAuth oauth,
            PendingRevocations pending, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.connections = connections;
        this.tokens = tokens;
        this.oauth = oauth;
        this.pending = pending;
        this.events = events;
        this.tx = tx;
    }

    void disconnect(WorkspaceId workspaceId, UUID connectionId, Actor actor, RequestMetadata request, Instant now) {
        ConnectionRow row = connections.find(workspaceId, connectionId)
                .orElseThrow(() -> new NotFoundException("Connection"));
        if (row.status() == Status.DISCONNECTED) {
            return;
        }
        Optional<AccessToken> token = tokens.accessToken(workspaceId, connectionId);
        boolean revoked = token.isPresent() && revoke(token.get());
        tx.executeWithoutResult(status -> {
            ConnectionRow locked = connections.lock(workspaceId, connectionId)
                    .orElseThrow(() -> new NotFoundException("Connection"));
            if (locked.status() == Status.DISCONNECTED) {
                return;
            }
            tokens.delete(workspaceId, connectionId);
            connections.markDisconnected(connectionId, actor.userId() == null ? null : actor.userId().value(), now);
            if (token.isPresent() && !revoked) {
                pending.add(workspaceId, connectionId, token.get(), now);
            }
            events.publishEvent(new ConnectionDisconnected(connectionId, workspaceId, locked.organizationId(),
                    revoked, actor, request, now));
        });
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
