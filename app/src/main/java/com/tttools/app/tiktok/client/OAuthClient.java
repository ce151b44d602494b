package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.tokens.RefreshToken;
import com.tttools.app.tiktok.TikTokValues;
import com.tttools.app.tiktok.UnexpectedResponseException;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.RefreshToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth endpoints, over the same retrying, rate-limited client. Token-exchange calls carry the app's
 * credentials in the JSON body and no {@code Access-Token}; {@code oauth2/advertiser/get/} wants both.
 */
final class OAuthClient implements TikTokOAuth {

    private final MarketingApi api;
    private final TikTokEndpoints endpoints;

    OAuthClient(MarketingApi api, TikTokEndpoints endpoints) {
        this.api = api;
        this.endpoints = endpoints;
    }

    @Override
    public URI authorizationUrl(String state, URI redirectUri) {
        return URI.create(endpoints.authPage() + "?app_id=" + encode(endpoints.appId())
                + "&state=" + encode(state) + "&redirect_uri=" + encode(redirectUri.toString()));
    }

    @Override
    public AdvertiserGrant exchangeAuthCode(String authCode) {
        JsonNode data = api.call(ApiCall.post("oauth2/access_token/")
                .param("app_id", endpoints.appId())
                .param("secret", endpoints.appSecret())
                .param("auth_code", authCode), null).data();
        String token = data.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new UnexpectedResponseException("oauth2/access_token/", 200, "no access_token in the answer");
        }
        List<Long> scopes = new ArrayList<>();
        data.path("scope").forEach(scope -> TikTokValues.metric(scope).ifPresent(s -> scopes.add(s.longValue())));
        return new AdvertiserGrant(new AccessToken(token), ids(data.path("advertiser_ids")), scopes);
    }

    @Override
    public List<AuthorizedAdvertiser> authorizedAdvertisers(AccessToken accessToken, CallPriority priority) {
        JsonNode data = api.call(ApiCall.get("oauth2/advertiser/get/").priority(priority)
                .param("app_id", endpoints.appId())
                .param("secret", endpoints.appSecret()), accessToken).data();
        List<AuthorizedAdvertiser> advertisers = new ArrayList<>();
        for (JsonNode item : data.path("list")) {
            TikTokValues.id(item.path("advertiser_id")).ifPresent(id ->
                    advertisers.add(new AuthorizedAdvertiser(id, item.path("advertiser_name").asString(""))));
        }
        return advertisers;
    }

    @Override
    public List<String> revoke(AccessToken accessToken) {
        JsonNode data = api.call(ApiCall.post("oauth2/revoke_token/")
                .param("app_id", endpoints.appId())
                .param("secret", endpoints.appSecret())
                .param("access_token", accessToken.value()), null).data();
        return ids(data.path("advertiser_ids"));
    }

    @Override
    public TikTokUser userInfo(AccessToken accessToken) {
        JsonNode data = api.call(ApiCall.get("user/info/"), accessToken).data();
        return new TikTokUser(TikTokValues.id(data.path("core_user_id")).orElse(null),
                data.path("display_name").asString(null), data.path("email").asString(null));
    }

    @Override
    public TtUserTokens refreshTtUserToken(RefreshToken refreshToken) {
        JsonNode data = api.call(ApiCall.post("tt_user/oauth2/refresh_token/")
                .param("client_id", endpoints.appId())
                .param("client_secret", endpoints.appSecret())
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken.value()), null).data();
        String access = data.path("access_token").asString("");
        String refresh = data.path("refresh_token").asString("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new UnexpectedResponseException("tt_user/oauth2/refresh_token/", 200, "tokens missing in the answer");
        }
        return new TtUserTokens(new AccessToken(access), Duration.ofSeconds(data.path("expires_in").asLong(0)),
                new RefreshToken(refresh), Duration.ofSeconds(data.path("refresh_token_expires_in").asLong(0)),
                data.path("open_id").asString(null), scopeText(data.path("scope")));
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> TikTokValues.id(node).ifPresent(ids::add));
        return ids;
    }

    /** tt_user scopes are a comma-separated string (advertiser scopes are numbers); accept an array too. */
    private static String scopeText(JsonNode scope) {
        if (scope.isArray()) {
            List<String> parts = new ArrayList<>();
            scope.forEach(part -> parts.add(part.asString()));
            return String.join(",", parts);
        }
        return scope.asString("");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
