package com.tttools.app.reporting;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Timezone names as TikTok and the workspace settings give them; one that Java does not know is read as UTC. */
public final class Timezones {

    private Timezones() {
    }

    public static ZoneId zoneOrUtc(String name) {
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
