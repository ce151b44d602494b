package com.tttools.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.shared.WorkspaceId;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVaultTest {

    static final String V1 = "v1:" + randomKey(32);
    static final String V2 = "v2:" + randomKey(32);
    static final WorkspaceId WORKSPACE_A = WorkspaceId.random();
    static final UUID CONNECTION_A_ID = UUID.randomUUID();
    static final AssociatedData CONNECTION_A =
            AssociatedData.forConnection(WORKSPACE_A, CONNECTION_A_ID, "tiktok.access_token");
    static final AssociatedData CONNECTION_B =
            AssociatedData.forConnection(WorkspaceId.random(), UUID.randomUUID(), "tiktok.access_token");

    final TokenVault vault = TokenVault.fromSpec(V1);

    @Test
    void opensWhatItSealed() {
        SealedValue sealed = vault.seal("act.secret-token", CONNECTION_A);

        assertThat(sealed.keyId()).isEqualTo("v1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize("act.secret-token".length() + 16);
        assertThat(vault.open(sealed, CONNECTION_A)).isEqualTo("act.secret-token");
    }

    @Test
    void hundredThousandEncryptionsRepeatNoNonce() {
        Set<ByteBuffer> nonces = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            nonces.add(ByteBuffer.wrap(vault.seal("token", CONNECTION_A).nonce()));
        }
        assertThat(nonces).hasSize(100_000);
    }

    @Test
    void anyFlippedBitInCiphertextTagOrNonceFailsToOpen() {
        SealedValue sealed = vault.seal("act.secret-token", CONNECTION_A);
        int ciphertextBits = sealed.ciphertext().length * 8; // the last 128 bits are the tag
        int failures = 0;
        for (int bit = 0; bit < ciphertextBits; bit++) {
            byte[] tampered = flip(sealed.ciphertext(), bit);
            failures += failsToOpen(new SealedValue("v1", sealed.nonce(), tampered)) ? 1 : 0;
        }
        for (int bit = 0; bit < 96; bit++) {
            failures += failsToOpen(new SealedValue("v1", flip(sealed.nonce(), bit), sealed.ciphertext())) ? 1 : 0;
        }
        assertThat(failures).isEqualTo(ciphertextBits + 96);
    }

    @Test
    void ciphertextSwappedBetweenConnectionsFailsToOpen() {
        for (int i = 0; i < 100; i++) {
            SealedValue ofA = vault.seal("token-a", CONNECTION_A);
            assertThatThrownBy(() -> vault.open(ofA, CONNECTION_B)).isInstanceOf(DecryptionFailedException.class);
        }
        SealedValue access = vault.seal("token-a", CONNECTION_A);
        AssociatedData refreshOfA = AssociatedData.forConnection(WORKSPACE_A, CONNECTION_A_ID, "tiktok.refresh_token");
        assertThatThrownBy(() -> vault.open(access, refreshOfA)).isInstanceOf(DecryptionFailedException.class);
        AssociatedData userSecret = AssociatedData.forUser(com.tttools.app.shared.UserId.random(), "tiktok.access_token");
        assertThatThrownBy(() -> vault.open(access, userSecret)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void rotationSealsWithTheNewKeyOpensOldValuesAndResealsOnlyStaleOnes() {
        SealedValue old = vault.seal("token", CONNECTION_A);
        TokenVault rotated = TokenVault.fromSpec(V2 + "," + V1);

        assertThat(rotated.seal("token", CONNECTION_A).keyId()).isEqualTo("v2");
        assertThat(rotated.open(old, CONNECTION_A)).isEqualTo("token");

        SealedValue moved = rotated.resealIfStale(old, CONNECTION_A).orElseThrow();
        assertThat(moved.keyId()).isEqualTo("v2");
        assertThat(rotated.resealIfStale(moved, CONNECTION_A)).isEmpty();

        TokenVault v1Removed = TokenVault.fromSpec(V2);
        assertThat(v1Removed.open(moved, CONNECTION_A)).isEqualTo("token");
        assertThatThrownBy(() -> v1Removed.open(old, CONNECTION_A)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void keysThatAreNot256BitsAreRefused() {
        assertThatThrownBy(() -> TokenVault.fromSpec("short:" + randomKey(16)))
                .isInstanceOf(InvalidEncryptionKeyException.class).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> TokenVault.fromSpec(V1 + ",long:" + randomKey(33)))
                .isInstanceOf(InvalidEncryptionKeyException.class).hasMessageContaining("264 bits");
        assertThatThrownBy(() -> TokenVault.fromSpec("nocolon")).isInstanceOf(InvalidEncryptionKeyException.class);
        assertThatThrownBy(() -> TokenVault.fromSpec("bad:not*base64")).isInstanceOf(InvalidEncryptionKeyException.class);
        assertThatThrownBy(() -> TokenVault.fromSpec(V1 + "," + V1)).isInstanceOf(InvalidEncryptionKeyException.class);
    }

    @Test
    void developmentKeyIsGeneratedOnceOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/encryption.key");

        String first = DevelopmentKeyFile.readOrCreate(file);
        String second = DevelopmentKeyFile.readOrCreate(file);

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TokenVault vault = TokenVault.fromSpec(first);
        assertThat(vault.open(vault.seal("x", CONNECTION_A), CONNECTION_A)).isEqualTo("x");
    }

    @Test
    void toStringShowsNoSecrets() {
        SealedValue sealed = vault.seal("act.secret-token", CONNECTION_A);
        String keyMaterial = V1.substring(3);

        assertThat(sealed.toString()).doesNotContain(Base64.getEncoder().encodeToString(sealed.ciphertext()));
        assertThat(vault.toString()).doesNotContain(keyMaterial);
        assertThat(new CryptoProperties(V1, Path.of("x")).toString()).doesNotContain(keyMaterial);
    }

    private boolean failsToOpen(SealedValue sealed) {
        try {
            vault.open(sealed, CONNECTION_A);
            return false;
        } catch (DecryptionFailedException expected) {
            return true;
        }
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    static String randomKey(int bytes) {
        byte[] material = new byte[bytes];
        new SecureRandom().nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }
}
