package com.tttools.app.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The one cursor format of every list answered with {@link CursorPage}: base64url (no padding) of
 * {@code c1\n<list>\n<field>\n...\n<field>}. The version and the list's name make a cursor of another list, or of
 * an older format, fail instead of being misread; anything that does not decode to exactly the expected shape is
 * refused as {@code cursor} (422). Cursors are not signed: every list query stays scoped to the caller's tenant, so
 * an edited cursor can only move within rows the caller may see anyway. Only the last field may contain a newline.
 */
public final class Cursors {

    /** The field name and message of a refused cursor. */
    public static final String FIELD = "cursor";
    public static final String NOT_OURS = "is not a cursor this API returned";

    private static final String VERSION = "c1";
    private static final int MAX_LENGTH = 2048;

    private Cursors() {
    }

    /** The cursor for list {@code list} holding these fields (none may be null). */
    public static String encode(String list, String... fields) {
        StringBuilder raw = new StringBuilder(VERSION).append('\n').append(list);
        for (String field : fields) {
            raw.append('\n').append(field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} fields of a cursor issued by {@link #encode} for {@code list}; null when {@code cursor} is
     * null or blank (the first page).
     *
     * @throws ValidationFailedException (field {@code cursor}) for anything else
     */
    public static List<String> decode(String cursor, String list, int count) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", count + 2);
            if (parts.length != count + 2 || !parts[0].equals(VERSION) || !parts[1].equals(list)
                    || !StorableValues.isStorable(raw)) {
                throw new IllegalArgumentException("not ours");
            }
            return List.copyOf(Arrays.asList(parts).subList(2, parts.length));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The refusal of a cursor that does not fit (for checks a list makes on the decoded fields). */
    public static ValidationFailedException invalid() {
        return new ValidationFailedException(FIELD, NOT_OURS);
    }

    /** An instant as a cursor field, to the microsecond (PostgreSQL's precision). */
    public static String instant(Instant at) {
        // not ChronoUnit.MICROS.between: it counts in nanoseconds first and overflows beyond 292 years from 1970
        return Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000));
    }

    /** A field written by {@link #instant(Instant)}; refused when malformed or not storable. */
    public static Instant instant(String field) {
        try {
            Instant at = Instant.EPOCH.plus(Long.parseLong(field), ChronoUnit.MICROS);
            if (!StorableValues.isStorable(at)) {
                throw invalid();
            }
            return at;
        } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
            throw invalid();
        }
    }

    /** A UUID cursor field in its canonical form; refused otherwise. */
    public static UUID uuid(String field) {
        try {
            UUID id = UUID.fromString(field);
            if (!id.toString().equals(field)) {
                throw invalid();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A non-negative int cursor field (an offset); refused otherwise. */
    public static int offset(String field) {
        try {
            int value = Integer.parseInt(field);
            if (value < 0 || !Integer.toString(value).equals(field)) {
                throw invalid();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }
}
