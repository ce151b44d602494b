package com.tttools.app.tiktok.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.crypto.AssociatedData;
import com.tttools.app.platform.crypto.DecryptionFailedException;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class TikTokTokenStoreIT extends IntegrationTest {

    @Autowired
    TikTokTokenStore tokens;

    @Autowired
    JdbcClient jdbc;

    /** test-v2 (active), test-v1 (still readable): see application-test.yml. */
    @Value("${tttools.crypto.encryption-keys}")
    String keySpec;

    final WorkspaceId workspace = WorkspaceId.random();
    final UUID connection = UUID.randomUUID();

    @Test
    void storesTokensSealedAndReadsThemBack(CapturedOutput output) {
        String secret = "act.stored-secret-" + UUID.randomUUID();
        tokens.storeAccessToken(workspace, connection, new AccessToken(secret));
        tokens.storeRefreshToken(workspace, connection, new RefreshToken("rft." + secret), Instant.now().plusSeconds(60));

        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken(secret));
        assertThat(tokens.refreshToken(workspace, connection)).contains(new RefreshToken("rft." + secret));
        assertThat(tokens.accessToken(WorkspaceId.random(), connection)).isEmpty();

        String hexOfSecret = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("SELECT count(*) FROM tiktok_token WHERE encode(ciphertext, 'hex') LIKE ? OR encode(nonce, 'hex') LIKE ?")
                .params("%" + hexOfSecret + "%", "%" + hexOfSecret + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT alg, key_id, octet_length(nonce) FROM tiktok_token WHERE connection_id = ? AND kind = 'ACCESS'")
                .param(connection).query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getInt(3)).single())
                .isEqualTo("AES-256-GCM/test-v2/12");
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aTokenRowMovedToAnotherConnectionDoesNotOpen() {
        UUID other = UUID.randomUUID();
        tokens.storeAccessToken(workspace, connection, new AccessToken("token-a"));
        tokens.storeAccessToken(workspace, other, new AccessToken("token-b"));

        jdbc.sql("""
                UPDATE tiktok_token t SET nonce = s.nonce, ciphertext = s.ciphertext FROM tiktok_token s
                WHERE t.connection_id = ? AND t.kind = 'ACCESS' AND s.connection_id = ? AND s.kind = 'ACCESS'""")
                .params(other, connection).update();

        assertThatThrownBy(() -> tokens.accessToken(workspace, other)).isInstanceOf(DecryptionFailedException.class);
        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken("token-a"));
    }

    @Test
    void reencryptionMovesOldKeyRowsToTheActiveKeyAndARerunChangesNothing() {
        TokenVault oldVault = TokenVault.fromSpec(keySpec.substring(keySpec.indexOf(',') + 1));
        assertThat(oldVault.activeKeyId()).isEqualTo("test-v1");
        SealedValue old = oldVault.seal("act.old-key-token",
                AssociatedData.forConnection(workspace, connection, TokenKind.ACCESS.purpose()));
        jdbc.sql("INSERT INTO tiktok_token (connection_id, workspace_id, kind, key_id, nonce, ciphertext) VALUES (?, ?, 'ACCESS', ?, ?, ?)")
                .params(connection, workspace.value(), old.keyId(), old.nonce(), old.ciphertext()).update();
        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken("act.old-key-token"));

        assertThat(tokens.reencryptAll()).isGreaterThanOrEqualTo(1);
        assertThat(tokens.reencryptAll()).isZero();

        assertThat(jdbc.sql("SELECT count(*) FROM tiktok_token WHERE key_id <> 'test-v2'").query(Long.class).single()).isZero();
        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken("act.old-key-token"));
    }

    @Test
    void anotherWorkspaceCannotOverwriteAConnectionsToken() {
        tokens.storeAccessToken(workspace, connection, new AccessToken("mine"));

        // The key is (workspace_id, connection_id, kind) since the Citus path (docs/operations.md): the same id
        // stored by another workspace is that workspace's own row and never touches this one.
        WorkspaceId other = WorkspaceId.random();
        tokens.storeAccessToken(other, connection, new AccessToken("theirs"));
        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken("mine"));
        assertThat(tokens.accessToken(other, connection)).contains(new AccessToken("theirs"));
        assertThat(tokens.delete(other, connection)).isEqualTo(1);
        assertThat(tokens.accessToken(workspace, connection)).contains(new AccessToken("mine"));
        assertThat(tokens.delete(workspace, connection)).isEqualTo(1);
        assertThat(tokens.accessToken(workspace, connection)).isEmpty();
    }
}
