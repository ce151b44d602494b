package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@link TikTokMarketingApi}: hands out {@link ConnectionClient}s. Holds what a bound client needs to open its
 * connection's token and to react when TikTok rejects it.
 */
@Service
class ConnectionClients implements TikTokMarketingApi {

    private final MarketingApi api;
    private final TikTokOAuth oauth;
    private final TikTokTokenStore tokens;
    private final ConnectionRepository connections;
    private final ConnectionHealth health;
    private final Clock clock;
    private final boolean simulatorMode;

    ConnectionClients(MarketingApi api, TikTokOAuth oauth, TikTokTokenStore tokens, ConnectionRepository connections,
            ConnectionHealth health, Clock clock, com.tttools.app.tiktok.client.TikTokProperties properties) {
        this.simulatorMode = properties.simulatorMode();
        this.api = api;
        this.oauth = oauth;
        this.tokens = tokens;
        this.connections = connections;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public boolean simulatorMode() {
        return simulatorMode;
    }

    @Override
    public TikTokClient forConnection(WorkspaceId workspaceId, ConnectionId connectionId, Actor actor) {
        return new ConnectionClient(this, workspaceId, connectionId.value(), actor, com.tttools.app.tiktok.CallPriority.INTERACTIVE);
    }

    MarketingApi api() {
        return api;
    }

    TikTokOAuth oauth() {
        return oauth;
    }

    /** The connection's current token; none stored reads as a rejection without asking TikTok. */
    AccessToken token(WorkspaceId workspaceId, UUID connectionId, String path) {
        return tokens.accessToken(workspaceId, connectionId).orElseThrow(() -> new NeedsReauthorizationException(path,
                0, null, "no access token is stored for this connection: connect TikTok again"));
    }

    /**
     * TikTok rejected the token: run the health check now, which moves the connection to NEEDS_REAUTH (deleting
     * its tokens and publishing the transition) when the grant is really gone.
     */
    void rejected(WorkspaceId workspaceId, UUID connectionId, Actor actor) {
        if (connections.find(workspaceId, connectionId).isPresent()) {
            health.check(workspaceId, connectionId, clock.instant(), actor, RequestMetadata.none());
        }
    }
}
