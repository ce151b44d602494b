package com.tttools.app.notifications.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the notification pages write a time: "4 Dec 2026, 13:45 UTC". */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String format(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }
}
