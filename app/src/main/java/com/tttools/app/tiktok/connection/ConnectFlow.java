package com.tttools.app.tiktok.connection;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.client.AdvertiserGrant;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionEstablished;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.app.tiktok.client.TikTokEndpoints;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The advertiser OAuth flow: {@link #start} hands out TikTok's authorization URL with a fresh state,
 * {@link #callback} checks the state, exchanges the auth code and stores the connection, its sealed token and a
 * first asset sync in one transaction. Every refusal leaves no connection or token behind.
 */
@Service
class ConnectFlow {

    static final String CALLBACK_PATH = "/oauth/tiktok/callback";
    static final String REJECTED_EVENT = com.tttools.app.identity.SecurityEventTypes.TIKTOK_CALLBACK_REJECTED;
    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);

    private final TenantAccess access;
    private final OAuthStates states;
    private final TikTokOAuth oauth;
    private final TikTokEndpoints endpoints;
    private final TikTokTokenStore tokens;
    private final ConnectionRepository connections;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConnectFlow(TenantAccess access, OAuthStates states, TikTokOAuth oauth, TikTokEndpoints endpoints,
            TikTokTokenStore tokens, ConnectionRepository connections, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.access = access;
        this.states = states;
        this.oauth = oauth;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.connections = connections;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    URI start(AuthenticatedUser caller, WorkspaceId workspaceId, String sessionId) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.MANAGE_CONNECTIONS);
        String state = states.issue(caller.id(), sessionId, workspaceId, clock.instant());
        return oauth.authorizationUrl(state, redirectUri());
    }

    URI redirectUri() {
        return endpoints.publicUrl(CALLBACK_PATH);
    }

    /** How the callback ended: the workspace to go back to, or the HTTP status and message of the error page. */
    record Result(WorkspaceId workspaceId, UUID connectionId, int status, String problem) {

        static Result failed(int status, String problem) {
            return new Result(null, null, status, problem);
        }

        boolean succeeded() {
            return connectionId != null;
        }
    }

    Result callback(AuthenticatedUser caller, String sessionId, String state, String authCode, String error,
            RequestMetadata request) {
        Instant now = clock.instant();
        OAuthStates.Outcome outcome = tx.execute(status -> {
            OAuthStates.Outcome o = states.consume(state, caller.id(), sessionId, now);
            if (o.rejection() != null) {
                events.publishEvent(new SecurityEventOccurred(REJECTED_EVENT, caller.id(), caller.email(),
                        request, Map.of("reason", o.rejection().name()), now));
            }
            return o;
        });
        if (outcome.rejection() != null) {
            return Result.failed(400, switch (outcome.rejection()) {
                case MISSING, UNKNOWN -> "This connection link is not valid. Start again from the connections page.";
                case USED -> "This connection link was already used. Start again from the connections page.";
                case EXPIRED -> "This connection link has expired (it is valid for 10 minutes). Start again.";
                case FOREIGN -> "This connection was started by another user or in another browser session.";
            });
        }
        WorkspaceId workspaceId = outcome.accepted().workspaceId();
        WorkspaceAccess workspace;
        try {
            // checked again: the caller's role may have changed during the 10 minutes
            workspace = access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.MANAGE_CONNECTIONS);
        } catch (NotFoundException | ForbiddenException lost) {
            return Result.failed(403, "You may no longer manage connections of this workspace.");
        }
        if (error != null && !error.isBlank()) {
            return new Result(workspaceId, null, 400, "The connection was cancelled on TikTok; nothing was stored.");
        }
        if (authCode == null || authCode.isBlank() || authCode.length() > 200) {
            return new Result(workspaceId, null, 400, "TikTok did not send an authorization code; nothing was stored.");
        }
        AdvertiserGrant grant;
        try {
            grant = oauth.exchangeAuthCode(authCode);
        } catch (NeedsReauthorizationException invalid) {
            return new Result(workspaceId, null, 400,
                    "TikTok did not accept the authorization code (it expired or was already used). Start again.");
        } catch (TikTokApiException failed) {
            log.warn("Auth code exchange failed: {}", failed.getMessage());
            return new Result(workspaceId, null, 502,
                    "TikTok could not complete the connection right now (" + failed.code() + "). Try again later.");
        }
        if (grant.advertiserIds().isEmpty()) {
            revokeQuietly(grant);
            return new Result(workspaceId, null, 400,
                    "No advertiser accounts were selected on TikTok, so there is nothing to connect. Start again and "
                            + "select at least one ad account.");
        }
        String tiktokUser = tiktokUser(grant);
        // the same TikTok user reconnecting renews its connection instead of adding a row
        java.util.Optional<UUID> existing = tiktokUser == null ? java.util.Optional.empty()
                : connections.findReconnectable(workspaceId, tiktokUser);
        UUID connectionId = existing.orElseGet(UUID::randomUUID);
        java.util.Optional<com.tttools.app.tiktok.tokens.AccessToken> replaced = existing.flatMap(
                id -> tokens.accessToken(workspaceId, id));
        tx.executeWithoutResult(status -> store(workspace, caller, connectionId, existing.isPresent(), tiktokUser,
                grant, request, now));
        // the renewed connection's previous token must not stay usable at TikTok
        replaced.filter(old -> !old.value().equals(grant.accessToken().value())).ifPresent(old -> {
            try {
                oauth.revoke(old);
            } catch (TikTokApiException failed) {
                log.info("Could not revoke the token a reconnect replaced: {}", failed.getMessage());
            }
        });
        return new Result(workspaceId, connectionId, 302, null);
    }

    /** The TikTok user behind the grant ({@code user/info/}); null when TikTok does not say (then a new row). */
    private String tiktokUser(AdvertiserGrant grant) {
        try {
            return oauth.userInfo(grant.accessToken()).coreUserId();
        } catch (TikTokApiException failed) {
            log.info("user/info/ failed after a connect; the connection is added as new: {}", failed.getMessage());
            return null;
        }
    }

    private void store(WorkspaceAccess workspace, AuthenticatedUser caller, UUID connectionId, boolean renew,
            String tiktokUser, AdvertiserGrant grant, RequestMetadata request, Instant now) {
        if (renew) {
            connections.renew(workspace.workspaceId(), connectionId, grant.scopes(), grant.advertiserIds(),
                    caller.id().value(), now);
        } else {
            connections.insert(new ConnectionRepository.NewConnection(connectionId, workspace.workspaceId(),
                    workspace.organizationId(), ConnectionRow.ADVERTISER, grant.scopes(), grant.advertiserIds(), null,
                    caller.id().value(), now));
        }
        if (tiktokUser != null) {
            connections.rememberTikTokUser(workspace.workspaceId(), connectionId, tiktokUser);
        }
        tokens.storeAccessToken(workspace.workspaceId(), connectionId, grant.accessToken());
        events.publishEvent(new ConnectionEstablished(connectionId, workspace.workspaceId(),
                workspace.organizationId(), grant.advertiserIds(), grant.scopes(),
                Actor.user(caller.id(), caller.email()), request, now));
    }

    /** A grant we refuse to store must not stay usable at TikTok either. */
    private void revokeQuietly(AdvertiserGrant grant) {
        try {
            oauth.revoke(grant.accessToken());
        } catch (TikTokApiException failed) {
            log.info("Could not revoke an unused grant: {}", failed.getMessage());
        }
    }
}
