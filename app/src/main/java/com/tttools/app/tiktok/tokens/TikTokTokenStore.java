package com.tttools.app.tiktok.tokens;

import com.tttools.app.platform.crypto.AssociatedData;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The token vault of TikTok connections: tokens are sealed before they reach the database and opened only
 * in memory. Tokens are bound to their workspace and connection (associated data), so a row moved to another
 * connection fails to open instead of lending its token.
 */
@Service
public class TikTokTokenStore {

    static final int REENCRYPT_BATCH = 500;

    private final JdbcClient jdbc;
    private final TokenVault vault;

    TikTokTokenStore(JdbcClient jdbc, TokenVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    public void storeAccessToken(WorkspaceId workspaceId, UUID connectionId, AccessToken token) {
        store(workspaceId, connectionId, TokenKind.ACCESS, token.value(), null);
    }

    /** @param expiresAt when TikTok stops accepting it (tt_user refresh tokens live about a year) */
    public void storeRefreshToken(WorkspaceId workspaceId, UUID connectionId, RefreshToken token, Instant expiresAt) {
        store(workspaceId, connectionId, TokenKind.REFRESH, token.value(), expiresAt);
    }

    public Optional<AccessToken> accessToken(WorkspaceId workspaceId, UUID connectionId) {
        return open(workspaceId, connectionId, TokenKind.ACCESS).map(AccessToken::new);
    }

    public Optional<RefreshToken> refreshToken(WorkspaceId workspaceId, UUID connectionId) {
        return open(workspaceId, connectionId, TokenKind.REFRESH).map(RefreshToken::new);
    }

    /** Removes every token of the connection (disconnect); returns how many rows went. */
    public int delete(WorkspaceId workspaceId, UUID connectionId) {
        return jdbc.sql("DELETE FROM tiktok_token WHERE workspace_id = ? AND connection_id = ?")
                .params(workspaceId.value(), connectionId)
                .update();
    }

    /**
     * Seals every token not under the active key again with it, in batches; returns how many rows moved (a
     * rerun moves 0). Safe to run on several nodes at once: a row is only rewritten if it still has the key id
     * that was read.
     */
    public int reencryptAll() {
        int moved = 0;
        while (true) {
            List<StoredToken> stale = jdbc.sql("""
                            SELECT connection_id, workspace_id, kind, key_id, nonce, ciphertext FROM tiktok_token
                            WHERE key_id <> ? ORDER BY connection_id, kind LIMIT ?""")
                    .params(vault.activeKeyId(), REENCRYPT_BATCH)
                    .query(StoredToken.class)
                    .list();
            if (stale.isEmpty()) {
                return moved;
            }
            for (StoredToken row : stale) {
                moved += reencrypt(row);
            }
        }
    }

    private int reencrypt(StoredToken row) {
        AssociatedData context = context(new WorkspaceId(row.workspaceId()), row.connectionId(),
                TokenKind.valueOf(row.kind()));
        SealedValue sealed = new SealedValue(row.keyId(), row.nonce(), row.ciphertext());
        return vault.resealIfStale(sealed, context)
                .map(fresh -> jdbc.sql("""
                                UPDATE tiktok_token SET key_id = ?, nonce = ?, ciphertext = ?, updated_at = now()
                                WHERE workspace_id = ? AND connection_id = ? AND kind = ? AND key_id = ?""")
                        .params(fresh.keyId(), fresh.nonce(), fresh.ciphertext(), row.workspaceId(), row.connectionId(),
                                row.kind(),
                                row.keyId())
                        .update())
                .orElse(0);
    }

    private void store(WorkspaceId workspaceId, UUID connectionId, TokenKind kind, String token, Instant expiresAt) {
        SealedValue sealed = vault.seal(token, context(workspaceId, connectionId, kind));
        int written = jdbc.sql("""
                        INSERT INTO tiktok_token (connection_id, workspace_id, kind, key_id, alg, nonce, ciphertext, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (workspace_id, connection_id, kind) DO UPDATE SET key_id = excluded.key_id, alg = excluded.alg,
                            nonce = excluded.nonce, ciphertext = excluded.ciphertext, expires_at = excluded.expires_at,
                            updated_at = now()""")
                .params(connectionId, workspaceId.value(), kind.name(), sealed.keyId(), SealedValue.ALGORITHM,
                        sealed.nonce(), sealed.ciphertext(), expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        if (written != 1) {
            throw new IllegalStateException("token of connection " + connectionId + " not stored");
        }
    }

    private Optional<String> open(WorkspaceId workspaceId, UUID connectionId, TokenKind kind) {
        return jdbc.sql("""
                        SELECT key_id, nonce, ciphertext FROM tiktok_token
                        WHERE workspace_id = ? AND connection_id = ? AND kind = ?""")
                .params(workspaceId.value(), connectionId, kind.name())
                .query((rs, n) -> new SealedValue(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .optional()
                .map(sealed -> vault.open(sealed, context(workspaceId, connectionId, kind)));
    }

    private static AssociatedData context(WorkspaceId workspaceId, UUID connectionId, TokenKind kind) {
        return AssociatedData.forConnection(workspaceId, connectionId, kind.purpose());
    }

    record StoredToken(UUID connectionId, UUID workspaceId, String kind, String keyId, byte[] nonce, byte[] ciphertext) {
    }
}
