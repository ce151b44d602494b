package com.tttools.app.audit.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link Clock} bean (the platform's, or a test's), else UTC system time. Looked up rather
 * than declared here, so that this module never competes with the platform for the one {@code clock} bean.
 */
final class AuditClock {

    private AuditClock() {
    }

    static Clock of(ObjectProvider<Clock> clocks) {
        return clocks.getIfAvailable(Clock::systemUTC);
    }
}
