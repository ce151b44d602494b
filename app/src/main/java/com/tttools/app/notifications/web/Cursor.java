package com.tttools.app.notifications.web;

import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.ValidationFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Keyset position (created_at, id) of a newest-first list, as an opaque string. Garbage answers 422. */
record Cursor(Instant createdAt, UUID id) {

    String encode() {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (!StorableValues.isStorable(createdAt)) {
                throw new IllegalArgumentException("out of range");
            }
            return new Cursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ValidationFailedException("cursor", "is not a cursor this API returned");
        }
    }

    static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new ValidationFailedException("limit", "must be between 1 and 500");
        }
        return limit;
    }
}
