package com.tttools.app.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.session.UserSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The 12-hour absolute session lifetime holds however active the session was. */
class AbsoluteSessionTimeoutFilterTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    final AbsoluteSessionTimeoutFilter filter =
            new AbsoluteSessionTimeoutFilter(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(12));

    @Test
    void aSessionSignedInElevenHoursFiftyNineMinutesAgoLives() throws Exception {
        MockHttpSession session = run(NOW.minus(Duration.ofHours(11).plusMinutes(59)));
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aSessionSignedInTwelveHoursAndOneMinuteAgoEndsEvenIfItWasJustUsed() throws Exception {
        MockHttpSession session = run(NOW.minus(Duration.ofHours(12).plusMinutes(1)));
        assertThat(session.isInvalid()).isTrue();
    }

    private MockHttpSession run(Instant signedInAt) throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(UserSessions.SIGNED_IN_AT, signedInAt);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return session;
    }
}
