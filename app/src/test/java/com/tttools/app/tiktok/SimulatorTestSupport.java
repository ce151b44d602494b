package com.tttools.app.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.tiktok.client.AdvertiserGrant;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.client.TikTokOAuth;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests against the embedded simulator (mounted at /tiktok-sim in the shared test context): drives
 * its control API and obtains a real advertiser token through the OAuth flow.
 */
abstract class SimulatorTestSupport extends IntegrationTest {

    @Autowired
    protected MarketingApi api;

    @Autowired
    protected TikTokOAuth oauth;

    @Autowired
    protected JsonMapper json;

    @BeforeEach
    void cleanSimulator() {
        control("DELETE", "/_sim/faults", null);
        control("POST", "/_sim/limits", Map.of("appQps", 10, "advertiserPathQps", 20));
        control("DELETE", "/_sim/stats", null);
    }

    /** Consent auto-approved, the authorization page followed by hand, the auth code exchanged. */
    protected AdvertiserGrant connect() {
        control("POST", "/_sim/consent", Map.of("autoApprove", true));
        URI redirect = URI.create(url("/tiktok/callback"));
        HttpResponse<String> page = Http.get(oauth.authorizationUrl("state-123", redirect).toString());
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]auth_code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        assertThat(location).contains("state=state-123");
        return oauth.exchangeAuthCode(code.group(1));
    }

    protected JsonNode control(String method, String path, Object body) {
        return new SimulatorApi(port, json).control(method, path, body);
    }

    /**
     * A fault for this token's calls only, and below the calls this token made: the app's health checks of other
     * tests' connections call the same paths (user/info/) meanwhile, and would take a fault meant for the test or
     * add to a count of the path's calls.
     */
    protected void fault(AccessToken token, Map<String, Object> rule) {
        Map<String, Object> forToken = new java.util.HashMap<>(rule);
        forToken.put("accessToken", token.value());
        control("POST", "/_sim/faults", forToken);
    }

    protected long callsTo(AccessToken token, String path) {
        return new SimulatorApi(port, json).callsWith(token.value(), path);
    }

    protected List<String> firstAdvertisers(AdvertiserGrant grant) {
        assertThat(grant.advertiserIds()).isNotEmpty();
        return grant.advertiserIds();
    }
}
