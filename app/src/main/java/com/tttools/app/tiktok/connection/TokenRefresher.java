package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tiktok.RateLimitedException;
import com.tttools.app.tiktok.tokens.RefreshToken;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.app.tiktok.TikTokUnavailableException;
import com.tttools.app.tiktok.client.TtUserTokens;
import com.tttools.app.tiktok.ConnectionStatus;
import java.time.Duration;
import java.time.Instant;
import com.tttools.app.shared.WorkspaceId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes TikTok-account (tt_user) access tokens, which live 24 h, well before they run out. Advertiser tokens
 * never expire and are not touched. Each connection is refreshed under its row lock, so nodes running this at
 * once make one refresh call per token, and the new refresh token is stored once.
 */
@Service
class TokenRefresher {

    /** Tokens running out within this window are refreshed (the task runs every 15 minutes). */
    static final Duration AHEAD = Duration.ofHours(2);
    static final int BATCH = 200;
    static final Actor SYSTEM = Actor.system("job:tiktok-token-refresh");

    private final ConnectionRepository connections;
    private final TikTokTokenStore tokens;
    private final TikTokOAuth oauth;
    private final ConnectionHealth health;
    private final TransactionTemplate tx;

    TokenRefresher(ConnectionRepository connections, TikTokTokenStore tokens, TikTokOAuth oauth,
            ConnectionHealth health, TransactionTemplate tx) {
        this.connections = connections;
        this.tokens = tokens;
        this.oauth = oauth;
        this.health = health;
        this.tx = tx;
    }

    /** Returns how many tokens were refreshed. */
    int refreshExpiring(Instant now) {
        int refreshed = 0;
        for (var ref : connections.ttUserTokensExpiring(now.plus(AHEAD), BATCH)) {
            if (Boolean.TRUE.equals(tx.execute(status -> refresh(ref.workspaceId(), ref.connectionId().value(), now)))) {
                refreshed++;
            }
        }
        return refreshed;
    }

    private boolean refresh(WorkspaceId workspaceId, UUID id, Instant now) {
        Optional<ConnectionRow> locked = connections.lockIfFree(workspaceId, id)
                // re-read under the lock: another node may have refreshed it a moment ago
                .filter(row -> row.status() == ConnectionStatus.ACTIVE || row.status() == ConnectionStatus.ERROR)
                .filter(row -> row.tokenExpiresAt() != null && row.tokenExpiresAt().isBefore(now.plus(AHEAD)));
        if (locked.isEmpty()) {
            return false;
        }
        ConnectionRow row = locked.get();
        Optional<RefreshToken> refreshToken = tokens.refreshToken(row.workspaceId(), row.id());
        if (refreshToken.isEmpty()) {
            health.fail(row, ConnectionStatus.NEEDS_REAUTH, null, "No refresh token is stored for this connection.", null, now,
                    SYSTEM, RequestMetadata.none());
            return false;
        }
        try {
            TtUserTokens fresh = oauth.refreshTtUserToken(refreshToken.get());
            tokens.storeAccessToken(row.workspaceId(), row.id(), fresh.accessToken());
            tokens.storeRefreshToken(row.workspaceId(), row.id(), fresh.refreshToken(),
                    now.plus(fresh.refreshTokenExpiresIn()));
            connections.tokenRefreshed(row.workspaceId(), row.id(), now.plus(fresh.expiresIn()));
            return true;
        } catch (TikTokUnavailableException | RateLimitedException transientFailure) {
            // TikTok is down or busy, not refusing: ERROR, and the next run (15 min) tries again while the token
            // is still valid
            health.fail(row, ConnectionStatus.ERROR, codeOf(transientFailure), transientFailure.getMessage(),
                    transientFailure.requestId(), now, SYSTEM, RequestMetadata.none());
            return false;
        } catch (TikTokApiException refused) {
            health.fail(row, ConnectionStatus.NEEDS_REAUTH, codeOf(refused), refused.getMessage(), refused.requestId(), now,
                    SYSTEM, RequestMetadata.none());
            return false;
        }
    }

    private static Integer codeOf(TikTokApiException e) {
        return e.code() == 0 ? null : e.code();
    }
}
