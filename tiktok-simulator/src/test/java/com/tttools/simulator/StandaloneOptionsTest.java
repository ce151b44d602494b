package com.tttools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The standalone command line: --port --seed --scale --now --apps. */
class StandaloneOptionsTest {

    @Test
    void parsesSpaceAndEqualsFormsAndExtraApps() {
        var opts = SimulatorApplication.options(new String[]{"--port", "9100", "--seed=7", "--scale", "medium", "--now", "2026-03-18T10:30:00Z",
                "--apps", "7000000000000000009,s9,20,https://app.example/cb,https://app.example/cb2"});
        assertThat(opts.get("port")).isEqualTo("9100");
        SimulatorSettings settings = SimulatorApplication.settings(opts);
        assertThat(settings.seed()).isEqualTo(7);
        assertThat(settings.scale()).isEqualTo(Scale.MEDIUM);
        assertThat(settings.now()).isEqualTo(Instant.parse("2026-03-18T10:30:00Z"));
        assertThat(settings.allApps()).extracting(SimApp::appId).containsExactly(SimApp.DEV_APP_ID, "7000000000000000009");
        SimApp extra = settings.allApps().get(1);
        assertThat(extra.qps()).isEqualTo(20);
        assertThat(extra.redirectUris()).isEqualTo(List.of("https://app.example/cb", "https://app.example/cb2"));
        assertThat(extra.acceptsRedirect("https://app.example/cb")).isTrue();
        assertThat(extra.acceptsRedirect("http://localhost/cb")).isFalse();
        assertThat(SimApp.development().acceptsRedirect("http://127.0.0.1:8080/x")).isTrue();
        assertThat(SimApp.development().acceptsRedirect("https://example.com/x")).isFalse();
    }
}
