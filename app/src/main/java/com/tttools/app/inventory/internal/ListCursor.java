package com.tttools.app.inventory.internal;

import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.ValidationFailedException;
import java.util.List;
import java.util.UUID;

/**
 * Keyset position of a sorted list, in the shared cursor format: the sort it belongs to, the last row's id and sort
 * value. A cursor made for another sort, or one that does not decode, answers 422; the query stays scoped to the
 * caller's workspace, so an edited cursor can only move within what the caller may see anyway.
 */
record ListCursor(String sort, String value, UUID id) {

    private static final String LIST = "inventory";

    String encode() {
        return Cursors.encode(LIST, sort, id.toString(), value);
    }

    static ListCursor decode(String encoded, String expectedSort) {
        List<String> fields = Cursors.decode(encoded, LIST, 3);
        if (fields == null) {
            throw Cursors.invalid();
        }
        if (!fields.get(0).equals(expectedSort)) {
            throw new ValidationFailedException("cursor", "belongs to another sort order; start again without it");
        }
        return new ListCursor(fields.get(0), fields.get(2), Cursors.uuid(fields.get(1)));
    }
}
