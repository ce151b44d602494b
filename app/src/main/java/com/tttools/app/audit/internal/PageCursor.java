package com.tttools.app.audit.internal;

import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.StorableValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Position after the last row of a page, newest-first order: (time, id). Encoded as base64url of
 * {@code v1:<epoch micros>:<uuid>} and parsed strictly: anything else is rejected as invalid input (422).
 * Tenant scoping is in the query itself, so a forged but well-formed cursor can only move within rows the
 * caller may see anyway.
 */
record PageCursor(Instant at, UUID id) {

    private static final Pattern FORMAT = Pattern.compile(
            "v1:(-?\\d{1,19}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

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
        String plain = "v1:" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null or blank means "first page". */
    static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > 100) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            Matcher matcher = FORMAT.matcher(plain);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("unexpected content");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
            if (!StorableValues.isStorable(at)) {
                throw new IllegalArgumentException("out of range");
            }
            return new PageCursor(at, UUID.fromString(matcher.group(2)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidAuditInputException("cursor", "is not a cursor this list returned");
        }
    }
}
