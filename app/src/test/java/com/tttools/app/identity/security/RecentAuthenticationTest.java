package com.tttools.app.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.identity.session.SessionProperties;
import com.tttools.app.identity.session.UserSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

/** The reauthentication window: 10 minutes after the password was last proven, never for a token. */
class RecentAuthenticationTest {

    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    final RecentAuthentication recent = new RecentAuthentication(Clock.fixed(NOW, ZoneOffset.UTC),
            new SessionProperties(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(10)),
            null, null, null, null, null);

    @Test
    void aPasswordProvenNineMinutesFiftyNineSecondsAgoIsRecent() {
        assertThat(recent.isRecent(sessionConfirmedAt(NOW.minus(Duration.ofMinutes(9).plusSeconds(59))))).isTrue();
    }

    @Test
    void aPasswordProvenTenMinutesAndOneSecondAgoIsNot() {
        MockHttpServletRequest request = sessionConfirmedAt(NOW.minus(Duration.ofMinutes(10).plusSeconds(1)));
        assertThat(recent.isRecent(request)).isFalse();
        assertThatThrownBy(() -> recent.require(request)).isInstanceOf(ReauthenticationRequiredException.class)
                .satisfies(e -> assertThat(((ReauthenticationRequiredException) e).personalAccessToken()).isFalse());
    }

    @Test
    void aSessionThatNeverProvedAnythingAndNoSessionAtAllAreNotRecent() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/me/tokens");
        assertThat(recent.isRecent(request)).isFalse();
        request.setSession(new MockHttpSession());
        assertThat(recent.isRecent(request)).isFalse();
    }

    @Test
    void aTokenAuthenticatedRequestIsNeverRecentEvenWithAFreshSessionCookie() {
        MockHttpServletRequest request = sessionConfirmedAt(NOW);
        request.setAttribute(PersonalAccessTokenFilter.AUTHENTICATED_WITH_TOKEN, Boolean.TRUE);
        assertThat(recent.isRecent(request)).isFalse();
        assertThatThrownBy(() -> recent.require(request))
                .satisfies(e -> assertThat(((ReauthenticationRequiredException) e).personalAccessToken()).isTrue());
    }

    private static MockHttpServletRequest sessionConfirmedAt(Instant confirmedAt) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(UserSessions.CONFIRMED_AT, confirmedAt);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/me/tokens");
        request.setSession(session);
        return request;
    }
}
