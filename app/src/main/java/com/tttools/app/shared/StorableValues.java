package com.tttools.app.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What PostgreSQL (and people) can take: text without NUL characters or unpaired UTF-16 surrogates (PostgreSQL
 * refuses NUL in text and jsonb, and an unpaired surrogate has no UTF-8 form), and dates and instants within the
 * years 1 to 9999. Input is checked with these at the edges (request bodies, parameters, cursors); text from
 * outside that must be kept anyway (TikTok's names) is {@link #sanitize sanitised}.
 */
public final class StorableValues {

    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private StorableValues() {
    }

    /** True for null and for text without NUL and without unpaired surrogates. */
    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** The text with NUL characters removed and unpaired surrogates replaced by U+FFFD; the same instance if clean. */
    public static String sanitize(String text) {
        if (isStorable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for null and for dates from 0001-01-01 to 9999-12-31. */
    public static boolean isStorable(LocalDate date) {
        return date == null || !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    /** True for null and for instants from 0001-01-01 to the end of 9999-12-31, UTC. */
    public static boolean isStorable(Instant instant) {
        return instant == null || !instant.isBefore(MIN_INSTANT) && instant.isBefore(MAX_INSTANT);
    }
}
