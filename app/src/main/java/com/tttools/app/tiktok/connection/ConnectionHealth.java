package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.client.AuthorizedAdvertiser;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionAdvertisersChanged;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionStatusChanged;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import com.tttools.app.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The health check of a connection: one cheap call ({@code oauth2/advertiser/get/} for advertiser grants,
 * {@code user/info/} for TikTok accounts) decides the status, records the last success or error and which
 * advertisers appeared or went missing. Status changes publish {@link ConnectionStatusChanged}.
 */
@Service
class ConnectionHealth {

    /** How often each live connection is checked by the recurring task. */
    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final int BATCH = 200;
    static final Actor SYSTEM = Actor.system("job:tiktok-connection-health");

    private final ConnectionRepository connections;
    private final TikTokTokenStore tokens;
    private final TikTokOAuth oauth;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ConnectionHealth(ConnectionRepository connections, TikTokTokenStore tokens, TikTokOAuth oauth,
            ApplicationEventPublisher events, TransactionTemplate tx) {
        this.connections = connections;
        this.tokens = tokens;
        this.oauth = oauth;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Checks every live connection not checked within {@link #INTERVAL} before {@code now}, batch after batch
     * (a checked connection leaves the due set), so a run keeps up however many connections there are; stops
     * when a batch checks none (the rest are being checked by another node). Returns how many it checked.
     */
    int checkDue(Instant now) {
        int checked = 0;
        while (true) {
            var due = connections.dueForCheck(now.minus(INTERVAL), BATCH);
            int inBatch = 0;
            for (var ref : due) {
                if (check(ref.workspaceId(), ref.connectionId().value(), now, SYSTEM, RequestMetadata.none())) {
                    inBatch++;
                }
            }
            checked += inBatch;
            if (due.size() < BATCH || inBatch == 0) {
                return checked;
            }
        }
    }

    /**
     * Checks one connection under its row lock (another node checking it at the same moment makes this a no-op).
     * Returns false when skipped (locked elsewhere, disconnected, or waiting for reconnect without a token).
     */
    boolean check(WorkspaceId workspaceId, UUID connectionId, Instant now, Actor actor, RequestMetadata request) {
        Boolean done = tx.execute(status -> connections.lockIfFree(workspaceId, connectionId)
                .filter(row -> row.status() != ConnectionStatus.DISCONNECTED && row.status() != ConnectionStatus.NEEDS_REAUTH)
                .map(row -> {
                    checkLocked(row, now, actor, request);
                    return true;
                })
                .orElse(false));
        return Boolean.TRUE.equals(done);
    }

    private void checkLocked(ConnectionRow row, Instant now, Actor actor, RequestMetadata request) {
        Optional<AccessToken> token = tokens.accessToken(row.workspaceId(), row.id());
        if (token.isEmpty()) {
            fail(row, ConnectionStatus.NEEDS_REAUTH, null, "No token is stored for this connection.", null, now, actor, request);
            return;
        }
        try {
            if (ConnectionRow.TT_USER.equals(row.kind())) {
                oauth.userInfo(token.get());
                connections.recordSuccess(row.workspaceId(), row.id(), null, List.of(), List.of(), now);
            } else {
                List<String> seen = oauth.authorizedAdvertisers(token.get()).stream()
                        .map(AuthorizedAdvertiser::advertiserId).toList();
                List<String> before = row.currentAdvertisers();
                List<String> added = minus(seen, before);
                List<String> lost = minus(before, seen);
                connections.recordSuccess(row.workspaceId(), row.id(), seen, added, lost, now);
                if (!added.isEmpty() || !lost.isEmpty()) {
                    events.publishEvent(new ConnectionAdvertisersChanged(row.id(), row.workspaceId(),
                            row.organizationId(), added, lost, now));
                }
            }
            changed(row, ConnectionStatus.ACTIVE, null, now, actor, request);
        } catch (NeedsReauthorizationException rejected) {
            fail(row, ConnectionStatus.NEEDS_REAUTH, rejected.code(), rejected.getMessage(), rejected.requestId(), now, actor,
                    request);
        } catch (TikTokApiException failed) {
            fail(row, ConnectionStatus.ERROR, failed.code() == 0 ? null : failed.code(), failed.getMessage(),
                    failed.requestId(), now, actor, request);
        }
    }

    /**
     * Records a failed check. NEEDS_REAUTH means TikTok no longer accepts the grant: its token rows are deleted at
     * once (nothing may use them again) and the connection waits for the user's reconnect.
     */
    void fail(ConnectionRow row, ConnectionStatus status, Integer code, String message, String requestId, Instant now,
            Actor actor, RequestMetadata request) {
        connections.recordFailure(row.workspaceId(), row.id(), status, code, message, requestId, now);
        if (status == ConnectionStatus.NEEDS_REAUTH) {
            tokens.delete(row.workspaceId(), row.id());
        }
        changed(row, status, code, now, actor, request);
    }

    private void changed(ConnectionRow row, ConnectionStatus to, Integer code, Instant now, Actor actor,
            RequestMetadata request) {
        if (row.status() != to) {
            events.publishEvent(new ConnectionStatusChanged(row.id(), row.workspaceId(), row.organizationId(),
                    row.status(), to, code, actor, request, now));
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        rest.removeAll(b);
        return rest;
    }
}
