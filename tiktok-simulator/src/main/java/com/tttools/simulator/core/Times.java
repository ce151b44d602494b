package com.tttools.simulator.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** TikTok's zone-less "YYYY-MM-DD HH:MM:SS" timestamps (UTC for entity times). */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    public static String utc(long epochSecond) {
        return FORMAT.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
    }

    public static long parseUtc(String field, String value) {
        try {
            return LocalDateTime.parse(value.trim(), FORMAT).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field + ": Not a valid datetime, expected YYYY-MM-DD HH:MM:SS.");
        }
    }

    public static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field + ": Not a valid date, expected YYYY-MM-DD.");
        }
    }
}
