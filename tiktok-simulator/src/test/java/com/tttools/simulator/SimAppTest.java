package com.tttools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The development app's redirect rule: http(s) on localhost or 127.0.0.1, nothing else. */
class SimAppTest {

    private final SimApp dev = SimApp.development();

    @Test
    void theDevelopmentAppAcceptsHttpAndHttpsOnLocalhost() {
        assertThat(dev.acceptsRedirect("http://localhost:8080/tiktok/callback")).isTrue();
        assertThat(dev.acceptsRedirect("https://127.0.0.1/cb")).isTrue();
        assertThat(dev.acceptsRedirect("HTTP://localhost/cb")).isTrue();
    }

    @Test
    void theDevelopmentAppRefusesOtherSchemesEvenOnLocalhost() {
        assertThat(dev.acceptsRedirect("javascript://localhost/%0Aalert(1)")).isFalse();
        assertThat(dev.acceptsRedirect("ftp://localhost/cb")).isFalse();
        assertThat(dev.acceptsRedirect("myapp://localhost/cb")).isFalse();
        assertThat(dev.acceptsRedirect("http://example.com/cb")).isFalse();
        assertThat(dev.acceptsRedirect("//localhost/cb")).isFalse();
    }

    @Test
    void aRegisteredAppMatchesItsUrisExactly() {
        SimApp app = new SimApp("1", "s", List.of("https://ads.example.com/cb"), 10, SimApp.ALL_SCOPES);
        assertThat(app.acceptsRedirect("https://ads.example.com/cb")).isTrue();
        assertThat(app.acceptsRedirect("https://ads.example.com/cb2")).isFalse();
    }
}
