package com.tttools.app.platform.crypto;

import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** A named 256-bit AES key. */
record EncryptionKey(String id, SecretKey secret) {

    static final int LENGTH_BYTES = 32;

    EncryptionKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    static EncryptionKey of(String id, byte[] material) {
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new InvalidEncryptionKeyException("key id must be 1-32 of [A-Za-z0-9._-]");
        }
        if (material.length != LENGTH_BYTES) {
            throw new InvalidEncryptionKeyException("key '" + id + "' is " + material.length * 8
                    + " bits; AES-256-GCM needs exactly 256 bits (32 bytes, base64)");
        }
        return new EncryptionKey(id, new SecretKeySpec(material, "AES"));
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id + "]";
    }
}
