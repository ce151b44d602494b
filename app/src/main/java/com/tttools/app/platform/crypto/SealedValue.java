package com.tttools.app.platform.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * One encrypted secret as stored: the id of the key that sealed it, the 12-byte GCM nonce and the ciphertext
 * with its 16-byte tag appended. Arrays are copied in and out so a stored value cannot be changed from outside.
 */
public record SealedValue(String keyId, byte[] nonce, byte[] ciphertext) {

    public static final String ALGORITHM = "AES-256-GCM";

    public SealedValue {
        Objects.requireNonNull(keyId, "keyId");
        nonce = Objects.requireNonNull(nonce, "nonce").clone();
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedValue that
                && keyId.equals(that.keyId)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    /** Names the key only: even ciphertext is not for logs. */
    @Override
    public String toString() {
        return "SealedValue[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
