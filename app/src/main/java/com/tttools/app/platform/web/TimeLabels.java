package com.tttools.app.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times as pages show them ({@code ${@times.relative(at)}}, {@code ${@times.local(at, zone)}}): relative where it
 * helps ("3 min ago"), else a date and time in the given timezone (the workspace's; UTC without one).
 */
@Component("times")
public class TimeLabels {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm", Locale.US);

    private final Clock clock;

    public TimeLabels(Clock clock) {
        this.clock = clock;
    }

    /** "just now", "3 min ago", "5 h ago", "2 days ago", or "in 4 days" for the future; "—" for none. */
    public String relative(Instant at) {
        if (at == null) {
            return "—";
        }
        Duration d = Duration.between(at, clock.instant());
        boolean future = d.isNegative();
        d = d.abs();
        if (d.toSeconds() < 60) {
            return "just now";
        }
        String amount = d.toMinutes() < 60 ? d.toMinutes() + " min"
                : d.toHours() < 48 ? d.toHours() + " h" : d.toDays() + " days";
        return future ? "in " + amount : amount + " ago";
    }

    /** "Dec 4, 2026, 09:26 (Europe/Berlin)"; "—" for none. */
    public String local(Instant at, String zone) {
        if (at == null) {
            return "—";
        }
        ZoneId id;
        try {
            id = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            id = ZoneId.of("UTC");
        }
        return LOCAL.format(at.atZone(id)) + " (" + id.getId() + ")";
    }

    /** A duration in words: "45 s", "3 min 5 s", "2 h 4 min"; "—" when either end is missing. */
    public String between(Instant start, Instant end) {
        if (start == null || end == null) {
            return "—";
        }
        long s = Math.max(0, Duration.between(start, end).toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
