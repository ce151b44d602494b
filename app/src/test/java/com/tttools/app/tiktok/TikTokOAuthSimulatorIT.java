package com.tttools.app.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.tiktok.client.AdvertiserGrant;
import com.tttools.app.tiktok.client.AuthorizedAdvertiser;
import com.tttools.app.tiktok.client.TtUserTokens;
import com.tttools.app.tiktok.client.TikTokUser;
import com.tttools.app.tiktok.tokens.RefreshToken;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class TikTokOAuthSimulatorIT extends SimulatorTestSupport {

    @Test
    void connectsListsAdvertisersReadsTheUserAndRevokes(CapturedOutput output) {
        AdvertiserGrant grant = connect();

        assertThat(grant.accessToken().value()).isNotBlank();
        assertThat(grant.advertiserIds()).allMatch(id -> id.matches("\\d{16,19}"));
        assertThat(grant.scopes()).isNotEmpty();

        List<AuthorizedAdvertiser> advertisers = oauth.authorizedAdvertisers(grant.accessToken());
        assertThat(advertisers).extracting(AuthorizedAdvertiser::advertiserId)
                .containsExactlyInAnyOrderElementsOf(grant.advertiserIds());

        TikTokUser user = oauth.userInfo(grant.accessToken());
        assertThat(user.displayName()).isNotBlank();

        List<String> revoked = oauth.revoke(grant.accessToken());
        assertThat(revoked).containsExactlyInAnyOrderElementsOf(grant.advertiserIds());

        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken()))
                .isInstanceOf(NeedsReauthorizationException.class)
                .satisfies(e -> assertThat(((TikTokApiException) e).code()).isEqualTo(40105));
        assertThat(callsTo(grant.accessToken(), "/user/info/")).as("40105 is not retried").isEqualTo(2);

        assertThat(output.getAll()).doesNotContain(grant.accessToken().value()).doesNotContain("simulator-secret");
        assertThat(grant.toString()).doesNotContain(grant.accessToken().value());
    }

    @Test
    void refreshesATikTokAccountToken() {
        control("POST", "/_sim/consent", java.util.Map.of("autoApprove", true));
        String callback = url("/tiktok/tt-callback");
        java.net.http.HttpResponse<String> page = com.tttools.app.support.Http.get(url("/tiktok-sim/v2/auth/authorize")
                + "?client_key=7000000000000000001&response_type=code&state=s&redirect_uri="
                + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8));
        String location = page.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        ApiResult first = api.call(ApiCall.post("tt_user/oauth2/token/")
                .param("client_id", "7000000000000000001").param("client_secret", "simulator-secret")
                .param("grant_type", "authorization_code").param("auth_code", code).param("redirect_uri", callback), null);
        RefreshToken refresh = new RefreshToken(first.data().path("refresh_token").asString());

        TtUserTokens tokens = oauth.refreshTtUserToken(refresh);

        assertThat(tokens.accessToken().value()).isNotBlank()
                .isNotEqualTo(first.data().path("access_token").asString());
        assertThat(tokens.expiresIn()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(tokens.refreshTokenExpiresIn()).isPositive();
        assertThat(tokens.scope()).contains("user.info.basic");
    }

    @Test
    void aUsedAuthCodeNeedsReauthorization() {
        assertThatThrownBy(() -> oauth.exchangeAuthCode("not-a-real-code"))
                .isInstanceOf(NeedsReauthorizationException.class);
    }

    @Test
    void readsEveryPageOfAList() {
        AdvertiserGrant grant = connect();
        String advertiser = grant.advertiserIds().get(0);
        ApiCall campaigns = ApiCall.get("campaign/get/")
                .param("advertiser_id", advertiser)
                .param("fields", List.of("campaign_id", "campaign_name"))
                .param("filtering", java.util.Map.of("primary_status", "STATUS_ALL"));

        List<ApiPage> pages = new java.util.ArrayList<>();
        api.forEachPage(campaigns, grant.accessToken(), "list", 2, pages::add);
        List<JsonNode> all = api.listAll(campaigns, grant.accessToken(), "list", 1000);

        long total = pages.get(0).pageInfo().totalNumber();
        assertThat(total).isGreaterThan(2);
        assertThat(pages).hasSize(pages.get(0).pageInfo().totalPage());
        assertThat(pages.stream().mapToInt(p -> p.items().size()).sum()).isEqualTo((int) total);
        assertThat(all).hasSize((int) total);
        assertThat(all).allSatisfy(c -> assertThat(TikTokValues.id(c.path("campaign_id"))).isPresent());
    }
}
