package com.tttools.app.audit.internal;

import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.ValidationFailedException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Position after the last row of a page, newest-first order: (time, id), in the shared cursor format
 * ({@link Cursors}); anything else is rejected as invalid input (422). Tenant scoping is in the query itself, so a
 * forged but well-formed cursor can only move within rows the caller may see anyway.
 */
record PageCursor(Instant at, UUID id) {

    private static final String LIST = "audit";

    /**
     * A page from rows fetched with one extra beyond {@code limit}: that extra row only tells there is more,
     * and the cursor then points after the page's last row.
     */
    static <T> CursorPage<T> page(List<T> rowsPlusOne, int limit, Function<T, Instant> at, Function<T, UUID> id) {
        if (rowsPlusOne.size() <= limit) {
            return new CursorPage<>(rowsPlusOne, null);
        }
        List<T> page = rowsPlusOne.subList(0, limit);
        T last = page.get(limit - 1);
        return new CursorPage<>(page, new PageCursor(at.apply(last), id.apply(last)).encode());
    }

    String encode() {
        return Cursors.encode(LIST, Cursors.instant(at), id.toString());
    }

    /** Null or blank means "first page". */
    static PageCursor decode(String cursor) {
        try {
            List<String> fields = Cursors.decode(cursor, LIST, 2);
            return fields == null ? null : new PageCursor(Cursors.instant(fields.get(0)), Cursors.uuid(fields.get(1)));
        } catch (ValidationFailedException e) {
            throw new InvalidAuditInputException("cursor", "is not a cursor this list returned");
        }
    }
}
