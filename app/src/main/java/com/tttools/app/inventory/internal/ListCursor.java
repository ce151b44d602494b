package com.tttools.app.inventory.internal;

import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.ValidationFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position of a sorted list: the sort it belongs to, the last row's sort value and id. A cursor made for
 * another sort, or one that does not decode, answers 422; the query stays scoped to the caller's workspace, so
 * an edited cursor can only move within what the caller may see anyway.
 */
record ListCursor(String sort, String value, UUID id) {

    private static final String VERSION = "i1";

    String encode() {
        String raw = VERSION + "\n" + sort + "\n" + id + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String encoded, String expectedSort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !StorableValues.isStorable(parts[3])) {
                throw new IllegalArgumentException("bad shape");
            }
            if (!parts[1].equals(expectedSort)) {
                throw new ValidationFailedException("cursor", "belongs to another sort order; start again without it");
            }
            return new ListCursor(parts[1], parts[3], UUID.fromString(parts[2]));
        } catch (ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationFailedException("cursor", "is not a cursor this API returned");
        }
    }
}
