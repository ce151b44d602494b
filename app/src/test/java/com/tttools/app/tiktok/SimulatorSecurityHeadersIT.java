package com.tttools.app.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.security.SecurityHeaders;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The embedded simulator's pages carry the application's security headers (CSP, no framing, nosniff). */
class SimulatorSecurityHeadersIT extends IntegrationTest {

    @Test
    void theConsentPageAndTheControlApiCarryTheAppsSecurityHeaders() {
        HttpResponse<String> consent = Http.get(url("/tiktok-sim/portal/auth") + "?app_id=7000000000000000001&state=s"
                + "&redirect_uri=" + URLEncoder.encode(url("/oauth/tiktok/callback"), StandardCharsets.UTF_8));
        HttpResponse<String> control = Http.get(url("/tiktok-sim/_sim/info"));
        for (HttpResponse<String> response : java.util.List.of(consent, control)) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(response.uri().getPath()).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }
}
