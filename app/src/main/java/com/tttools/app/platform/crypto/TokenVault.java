package com.tttools.app.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM. Every value gets a fresh random 96-bit nonce (never a counter, so
 * several nodes sharing a key cannot collide in practice) and carries the id of the key that sealed it, so
 * rotation only needs the old key to stay in the ring until {@link #resealIfStale} has moved every value.
 */
public class TokenVault {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    TokenVault(KeyRing keys) {
        this.keys = keys;
    }

    /** A vault over {@code keyId:base64,...} (first = active); throws {@link InvalidEncryptionKeyException}. */
    public static TokenVault fromSpec(String keySpec) {
        return new TokenVault(KeyRing.parse(keySpec));
    }

    public SealedValue seal(String plaintext, AssociatedData context) {
        EncryptionKey key = keys.active();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.bytes());
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new SealedValue(key.id(), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is unavailable", e);
        }
    }

    public String open(SealedValue sealed, AssociatedData context) {
        EncryptionKey key = keys.find(sealed.keyId())
                .orElseThrow(() -> new DecryptionFailedException("unknown key id " + sealed.keyId(), null));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(context.bytes());
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DecryptionFailedException("sealed value does not open with key " + sealed.keyId(), e);
        }
    }

    /** The value sealed again under the active key, or empty when it already is (so a rerun changes nothing). */
    public Optional<SealedValue> resealIfStale(SealedValue sealed, AssociatedData context) {
        if (isCurrent(sealed)) {
            return Optional.empty();
        }
        return Optional.of(seal(open(sealed, context), context));
    }

    public boolean isCurrent(SealedValue sealed) {
        return keys.active().id().equals(sealed.keyId());
    }

    public String activeKeyId() {
        return keys.active().id();
    }

    @Override
    public String toString() {
        return "TokenVault[" + keys + "]";
    }
}
