package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.WeeklySchedule;
import com.tttools.app.shared.FieldProblem;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Weekly patterns of scheduled change sets: days and a local time in a timezone (the advertiser's by default). */
final class Schedules {

    private Schedules() {
    }

    static void validate(WeeklySchedule s, List<FieldProblem> problems) {
        if (s.days() == null || s.days().isEmpty()) {
            problems.add(new FieldProblem("schedule.days", "name at least one day (MONDAY ... SUNDAY)"));
        } else {
            for (String day : s.days()) {
                try {
                    DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("schedule.days", day + " is not a day (MONDAY ... SUNDAY)"));
                }
            }
        }
        try {
            LocalTime.parse(String.valueOf(s.time()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("schedule.time", "must be a time of day, HH:mm"));
        }
        if (s.timezone() != null) {
            try {
                ZoneId.of(s.timezone());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("schedule.timezone", "is not an IANA timezone (e.g. Europe/Berlin)"));
            }
        }
    }

    static Map<String, Object> stored(WeeklySchedule s, String defaultZone) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", s.days().stream().map(d -> d.toUpperCase(Locale.ROOT)).toList());
        out.put("time", LocalTime.parse(s.time()).toString());
        out.put("timezone", s.timezone() == null ? defaultZone : s.timezone());
        return out;
    }

    /** The next run: {@code runAt} itself for a one-off; the first weekly slot after {@code after} otherwise. */
    @SuppressWarnings("unchecked")
    static Instant next(Instant runAt, Map<String, Object> schedule, Instant after) {
        if (runAt != null) {
            return runAt;
        }
        if (schedule == null) {
            return null;
        }
        ZoneId zone = ZoneId.of((String) schedule.get("timezone"));
        LocalTime time = LocalTime.parse((String) schedule.get("time"));
        List<DayOfWeek> days = ((List<String>) schedule.get("days")).stream().map(DayOfWeek::valueOf).toList();
        ZonedDateTime local = ZonedDateTime.ofInstant(after, zone);
        for (int d = 0; d <= 7; d++) {
            ZonedDateTime candidate = local.toLocalDate().plusDays(d).atTime(time).atZone(zone);
            if (days.contains(candidate.getDayOfWeek()) && candidate.toInstant().isAfter(after)) {
                return candidate.toInstant();
            }
        }
        throw new IllegalStateException("no day in " + days);
    }
}
