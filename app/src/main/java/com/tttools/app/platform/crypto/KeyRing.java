package com.tttools.app.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The active key (seals new values) and every key still accepted for opening old ones. */
record KeyRing(EncryptionKey active, Map<String, EncryptionKey> byId) {

    KeyRing {
        byId = Map.copyOf(byId);
    }

    /** Parses {@code keyId:base64,keyId2:base64}; the first entry is the active key. */
    static KeyRing parse(String spec) {
        Map<String, EncryptionKey> keys = new LinkedHashMap<>();
        EncryptionKey first = null;
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new InvalidEncryptionKeyException("TTTOOLS_ENCRYPTION_KEYS entries must look like keyId:base64");
            }
            String id = trimmed.substring(0, colon);
            EncryptionKey key = EncryptionKey.of(id, decode(id, trimmed.substring(colon + 1)));
            if (keys.putIfAbsent(id, key) != null) {
                throw new InvalidEncryptionKeyException("key id '" + id + "' appears twice");
            }
            if (first == null) {
                first = key;
            }
        }
        if (first == null) {
            throw new InvalidEncryptionKeyException("TTTOOLS_ENCRYPTION_KEYS names no key");
        }
        return new KeyRing(first, keys);
    }

    Optional<EncryptionKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidEncryptionKeyException("key '" + id + "' is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + active.id() + ", ids=" + byId.keySet() + "]";
    }
}
