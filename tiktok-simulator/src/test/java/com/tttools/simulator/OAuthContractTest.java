package com.tttools.simulator;

import static com.tttools.simulator.TestSim.APP;
import static com.tttools.simulator.TestSim.SECRET;
import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;

/** Reference section 3: consent page, token exchange, advertiser listing, revocation, tt_user tokens. */
class OAuthContractTest {

    private final TestSim sim = TestSim.start();

    @Test
    void consentPageListsTheUsersAdvertisersAndAuthorizeRedirectsWithCodeAndState() throws Exception {
        MockHttpServletResponse page = sim.raw(get("/portal/auth").param("app_id", APP).param("redirect_uri", "http://127.0.0.1:8080/cb").param("state", "c2FtcGxl"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("action=\"/portal/auth\"", "name=\"decision\" value=\"authorize\"", "value=\"cancel\"", sim.advertiser(0));

        MockHttpServletResponse redirect = sim.raw(post("/portal/auth").param("app_id", APP).param("redirect_uri", "http://127.0.0.1:8080/cb")
                .param("state", "c2FtcGxl").param("user", "0").param("advertiser_id", sim.advertiser(1)).param("decision", "authorize"));
        assertThat(redirect.getStatus()).isEqualTo(302);
        String location = redirect.getRedirectedUrl();
        assertThat(location).matches("http://127\\.0\\.0\\.1:8080/cb\\?auth_code=[0-9a-f]{40}&state=c2FtcGxl");
        String code = URI.create(location).getQuery().substring(10, 50);

        JsonNode token = sim.post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", code));
        assertThat(token.get("code").asInt()).isZero();
        assertThat(token.get("data").propertyNames()).containsExactly("access_token", "advertiser_ids", "scope");
        assertThat(token.get("data").get("advertiser_ids").get(0).isString()).isTrue();
        assertThat(token.get("data").get("advertiser_ids").size()).isEqualTo(1);
        assertThat(token.get("data").get("scope").get(0).isInt()).isTrue();
    }

    @Test
    void authorizingWithNoAdvertisersGivesAnEmptyGrant() throws Exception {
        MockHttpServletResponse redirect = sim.raw(post("/portal/auth").param("app_id", APP).param("redirect_uri", "http://localhost/cb")
                .param("user", "1").param("decision", "authorize"));
        String code = URI.create(redirect.getRedirectedUrl()).getQuery().substring(10, 50);
        JsonNode token = sim.post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", code));
        assertThat(token.get("data").get("advertiser_ids").size()).isZero();
        String access = token.get("data").get("access_token").asString();
        assertThat(sim.get("/oauth2/advertiser/get/", access, params("app_id", APP, "secret", SECRET)).get("data").get("list").size()).isZero();
    }

    @Test
    void cancelRedirectsWithoutCodeAndUnknownRedirectIsRefused() throws Exception {
        MockHttpServletResponse cancel = sim.raw(post("/portal/auth").param("app_id", APP).param("redirect_uri", "http://localhost/cb")
                .param("state", "x").param("decision", "cancel"));
        assertThat(cancel.getRedirectedUrl()).isEqualTo("http://localhost/cb?error=access_denied&state=x");
        MockHttpServletResponse foreign = sim.raw(get("/portal/auth").param("app_id", APP).param("redirect_uri", "https://evil.example/cb"));
        assertThat(foreign.getStatus()).isEqualTo(400);
    }

    @Test
    void callbackCanAlsoCarryCode() throws Exception {
        sim.control("POST", "/_sim/behaviour", Map.of("callbackAlsoCode", true));
        sim.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        MockHttpServletResponse res = sim.raw(get("/portal/auth").param("app_id", APP).param("redirect_uri", "http://localhost/cb").param("state", "q"));
        assertThat(res.getRedirectedUrl()).matches("http://localhost/cb\\?auth_code=([0-9a-f]{40})&code=\\1&state=q");
    }

    @Test
    void authCodesAreSingleUseAndExpire() {
        sim.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        String code = sim.authCode("http://localhost:3000/cb", "a");
        assertThat(sim.post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", code)).get("code").asInt()).isZero();
        JsonNode again = sim.post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", code));
        assertThat(again.get("code").asInt()).isEqualTo(40110);

        String late = sim.authCode("http://localhost:3000/cb", "b");
        sim.control.advance(Duration.ofMinutes(11));
        assertThat(sim.post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", late)).get("code").asInt()).isEqualTo(40110);
    }

    @Test
    void autoApprovalGrantsTheGivenAdvertisersOnly() {
        String token = sim.authorize(List.of(sim.advertiser(2)));
        JsonNode list = sim.get("/oauth2/advertiser/get/", token, params("app_id", APP, "secret", SECRET)).get("data").get("list");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("advertiser_id").asString()).isEqualTo(sim.advertiser(2));
        assertThat(list.get(0).get("advertiser_name").asString()).isNotBlank();
        JsonNode denied = sim.get("/campaign/get/", token, params("advertiser_id", sim.advertiser(0)));
        assertThat(denied.get("code").asInt()).isEqualTo(40001);
    }

    @Test
    void advertiserGetNeedsTheTokensOwnApp() {
        sim.control.registerApp(new SimApp("7000000000000000002", "other-secret", List.of("https://app.example/cb"), 10, SimApp.ALL_SCOPES));
        String token = sim.authorizeAll();
        JsonNode wrongApp = sim.get("/oauth2/advertiser/get/", token, params("app_id", "7000000000000000002", "secret", "other-secret"));
        assertThat(wrongApp.get("code").asInt()).isEqualTo(40001);
        assertThat(wrongApp.get("message").asString()).contains("app_id").contains("inconsistent");
        JsonNode wrongSecret = sim.get("/oauth2/advertiser/get/", token, params("app_id", APP, "secret", "nope"));
        assertThat(wrongSecret.get("code").asInt()).isEqualTo(40001);
    }

    @Test
    void missingBearerAndRevokedTokensAreRejected() {
        String token = sim.authorizeAll();
        JsonNode missing = sim.get("/campaign/get/", null, params("advertiser_id", sim.advertiser(0)));
        assertThat(missing.get("code").asInt()).isEqualTo(40104);
        assertThat(missing.get("message").asString()).isEqualTo("Access token is null");
        JsonNode bearer = sim.get("/campaign/get/", "Bearer " + token, params("advertiser_id", sim.advertiser(0)));
        assertThat(bearer.get("code").asInt()).isEqualTo(40105);

        JsonNode revoked = sim.post("/oauth2/revoke_token/", null, Map.of("app_id", APP, "secret", SECRET, "access_token", token));
        assertThat(revoked.get("data").get("app_id").asString()).isEqualTo(APP);
        assertThat(revoked.get("data").get("advertiser_ids").size()).isEqualTo(6);
        JsonNode after = sim.get("/campaign/get/", token, params("advertiser_id", sim.advertiser(0)));
        assertThat(after.get("code").asInt()).isEqualTo(40105);
        assertThat(after.get("message").asString()).isEqualTo("Access token is incorrect or has been revoked.");
    }

    @Test
    void userInfoAnswersGetAndPost() {
        String token = sim.authorizeAll();
        JsonNode viaGet = sim.get("/user/info/", token, Map.of()).get("data");
        assertThat(viaGet.propertyNames()).contains("display_name", "email", "core_user_id", "create_time", "avatar_url");
        assertThat(sim.post("/user/info/", token, Map.of()).get("data").get("core_user_id").asString()).isEqualTo(viaGet.get("core_user_id").asString());
    }

    @Test
    void ttUserTokensLastADayRefreshForAYearAndCanBeRevoked() {
        sim.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        MockHttpServletResponse res = sim.raw(get("/v2/auth/authorize").param("client_key", APP).param("response_type", "code")
                .param("redirect_uri", "http://localhost:8080/tt").param("state", "z"));
        assertThat(res.getStatus()).isEqualTo(302);
        String query = URI.create(res.getRedirectedUrl()).getQuery();
        assertThat(query).startsWith("code=").endsWith("&state=z");
        String code = query.substring(5, query.indexOf('&'));

        JsonNode token = sim.post("/tt_user/oauth2/token/", null, Map.of("client_id", APP, "client_secret", SECRET, "grant_type", "authorization_code",
                "auth_code", code, "redirect_uri", "http://localhost:8080/tt")).get("data");
        assertThat(token.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(token.get("refresh_token_expires_in").asLong()).isEqualTo(31_536_000);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("scope").isString()).isTrue();
        String access = token.get("access_token").asString();

        JsonNode info = sim.post("/tt_user/token_info/get/", null, Map.of("app_id", APP, "access_token", access));
        assertThat(info.get("data").get("creator_id").asString()).isEqualTo(token.get("open_id").asString());

        sim.control.advance(Duration.ofHours(25));
        assertThat(sim.post("/tt_user/token_info/get/", null, Map.of("app_id", APP, "access_token", access)).get("code").asInt()).isEqualTo(40102);
        JsonNode refreshed = sim.post("/tt_user/oauth2/refresh_token/", null, Map.of("client_id", APP, "client_secret", SECRET,
                "grant_type", "refresh_token", "refresh_token", token.get("refresh_token").asString())).get("data");
        assertThat(refreshed.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(refreshed.get("refresh_token_expires_in").asLong()).isEqualTo(31_536_000 - 25 * 3600);
        String fresh = refreshed.get("access_token").asString();
        assertThat(sim.post("/tt_user/oauth2/refresh_token/", null, Map.of("client_id", APP, "client_secret", SECRET,
                "grant_type", "refresh_token", "refresh_token", token.get("refresh_token").asString())).get("code").asInt())
                .as("a refresh token is used once").isEqualTo(40105);
        JsonNode refreshes = sim.control("GET", "/_sim/stats", null).get("refreshes_per_refresh_token");
        assertThat(refreshes.get(token.get("refresh_token").asString()).asInt()).as("refused calls count too").isEqualTo(2);
        assertThat(refreshes.has(refreshed.get("refresh_token").asString())).isFalse();
        assertThat(sim.post("/tt_user/token_info/get/", null, Map.of("app_id", APP, "access_token", fresh)).get("code").asInt()).isZero();

        assertThat(sim.post("/tt_user/oauth2/revoke/", null, Map.of("client_id", APP, "client_secret", SECRET, "access_token", fresh)).get("code").asInt()).isZero();
        assertThat(sim.post("/tt_user/token_info/get/", null, Map.of("app_id", APP, "access_token", fresh)).get("code").asInt()).isEqualTo(40105);
        assertThat(sim.get("/campaign/get/", fresh, params("advertiser_id", sim.advertiser(0))).get("code").asInt()).isEqualTo(40105);
    }

    @Test
    void testsCanIssueTokensWithoutTheFlow() {
        String token = sim.control.issueAccessToken(APP, List.of(sim.advertiser(3)));
        assertThat(sim.get("/campaign/get/", token, params("advertiser_id", sim.advertiser(3))).get("code").asInt()).isZero();
        assertThat(sim.get("/campaign/get/", token, params("advertiser_id", sim.advertiser(2))).get("code").asInt()).isEqualTo(40001);
    }

    @Test
    void controlApiListsAndRevokesTokens() {
        String token = sim.authorizeAll();
        JsonNode tokens = sim.control("GET", "/_sim/tokens", null).get("tokens");
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get(0).get("app_id").asString()).isEqualTo(APP);
        assertThat(tokens.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(tokens.get(0).get("advertiser_ids").size()).isEqualTo(6);
        sim.control("POST", "/_sim/tokens/revoke", Map.of("accessToken", token));
        assertThat(sim.control("GET", "/_sim/tokens", null).get("tokens").get(0).get("status").asString()).isEqualTo("REVOKED");
        assertThat(sim.get("/user/info/", token, Map.of()).get("code").asInt()).isEqualTo(40105);
    }
}
