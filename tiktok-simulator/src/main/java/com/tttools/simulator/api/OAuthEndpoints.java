package com.tttools.simulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.SimApp;
import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.oauth.AuthStore;
import com.tttools.simulator.oauth.Token;

/** Token exchange, advertiser listing and revocation; TikTok-account (tt_user) tokens with refresh. */
final class OAuthEndpoints {

    static final String TT_SCOPE = "user.info.basic,user.info.username,user.info.stats,user.insights,video.list,video.insights,comment.list,comment.list.manage";

    private OAuthEndpoints() {
    }

    private static List<String> advertiserIds(Call call, List<Integer> indexes) {
        List<String> ids = new ArrayList<>();
        for (int a : indexes) {
            if (a < call.data().advertisers()) {
                ids.add(call.data().id(Level.ADVERTISER, a));
            }
        }
        return ids;
    }

    static Object accessToken(Call call) {
        SimApp app = call.sim.auth.authenticateApp(call.params.str("app_id"), call.params.str("secret"));
        String code = call.params.required("auth_code");
        AuthStore.AuthCode redeemed = call.sim.auth.redeem(code, Token.Kind.ADVERTISER, app.appId(), call.now);
        Token token = call.sim.auth.issueAdvertiserToken(redeemed, app, call.now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", token.accessToken);
        if (call.params.bool("return_advertiser_ids", true)) {
            data.put("advertiser_ids", advertiserIds(call, token.advertisers));
        }
        data.put("scope", token.scopes);
        return data;
    }

    static Object advertisers(Call call) {
        if (call.world.behaviour().sandbox()) {
            throw new ApiException(ApiException.NO_PERMISSION, "oauth2/advertiser/get is not available in the sandbox; use the sandbox advertiser id.");
        }
        SimApp app = call.sim.auth.authenticateApp(call.params.str("app_id"), call.params.str("secret"));
        if (!app.appId().equals(call.token.appId)) {
            throw new ApiException(ApiException.NO_PERMISSION, "The app_id is inconsistent with the app_id of the access token.");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (int a : call.token.advertisers) {
            if (a < call.data().advertisers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("advertiser_id", call.data().id(Level.ADVERTISER, a));
                m.put("advertiser_name", call.data().advertiserName(a));
                list.add(m);
            }
        }
        return Map.of("list", list);
    }

    static Object revoke(Call call) {
        SimApp app = call.sim.auth.authenticateApp(call.params.str("app_id"), call.params.str("secret"));
        Token token = call.sim.auth.token(call.params.required("access_token"));
        if (token == null || token.revoked() || token.kind != Token.Kind.ADVERTISER || !token.appId.equals(app.appId())) {
            throw new ApiException(ApiException.TOKEN_INVALID, ApiException.defaultMessage(ApiException.TOKEN_INVALID));
        }
        token.revoke();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app_id", app.appId());
        data.put("advertiser_ids", advertiserIds(call, token.advertisers));
        return data;
    }

    private static Map<String, Object> ttTokenData(Token token, long now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", token.accessToken);
        data.put("expires_in", token.expiresAt - now);
        data.put("open_id", "open-" + token.user);
        data.put("refresh_token", token.refreshToken);
        data.put("refresh_token_expires_in", token.refreshExpiresAt - now);
        data.put("scope", TT_SCOPE);
        data.put("token_type", "Bearer");
        return data;
    }

    static Object ttToken(Call call) {
        SimApp app = call.sim.auth.authenticateApp(call.params.str("client_id"), call.params.str("client_secret"));
        String grant = call.params.str("grant_type");
        if (grant != null && !grant.equals("authorization_code")) {
            throw ApiException.invalid("grant_type: Must be authorization_code.");
        }
        String code = call.params.has("auth_code") ? call.params.str("auth_code") : call.params.required("code");
        AuthStore.AuthCode redeemed = call.sim.auth.redeem(code, Token.Kind.TT_USER, app.appId(), call.now);
        String redirect = call.params.str("redirect_uri");
        if (redirect != null && !redirect.equals(redeemed.redirectUri())) {
            throw ApiException.invalid("redirect_uri: Does not match the redirect_uri of the authorization.");
        }
        Token token = call.sim.auth.issueTtUserToken(app.appId(), redeemed.user(), List.of(), call.now, call.now + AuthStore.TT_REFRESH_SECONDS);
        return ttTokenData(token, call.now);
    }

    static Object ttRefresh(Call call) {
        SimApp app = call.sim.auth.authenticateApp(call.params.str("client_id"), call.params.str("client_secret"));
        String grant = call.params.str("grant_type");
        if (grant != null && !grant.equals("refresh_token")) {
            throw ApiException.invalid("grant_type: Must be refresh_token.");
        }
        String refreshToken = call.params.required("refresh_token");
        call.sim.stats.refresh(refreshToken);
        Token old = call.sim.auth.byRefreshToken(refreshToken);
        if (old == null || !old.appId.equals(app.appId()) || call.now >= old.refreshExpiresAt) {
            throw new ApiException(ApiException.TOKEN_INVALID, "Refresh token is invalid or has expired.");
        }
        return ttTokenData(call.sim.auth.refresh(old, call.now), call.now);
    }

    static Object ttRevoke(Call call) {
        SimApp app = call.sim.auth.authenticateApp(call.params.str("client_id"), call.params.str("client_secret"));
        Token token = call.sim.auth.token(call.params.required("access_token"));
        if (token == null || token.kind != Token.Kind.TT_USER || !token.appId.equals(app.appId())) {
            throw new ApiException(ApiException.TOKEN_INVALID, ApiException.defaultMessage(ApiException.TOKEN_INVALID));
        }
        token.revoke();
        return Map.of();
    }

    static Object ttTokenInfo(Call call) {
        String appId = call.params.required("app_id");
        Token token = call.sim.auth.token(call.params.required("access_token"));
        if (token == null || token.revoked() || token.kind != Token.Kind.TT_USER || !token.appId.equals(appId)) {
            throw new ApiException(ApiException.TOKEN_INVALID, ApiException.defaultMessage(ApiException.TOKEN_INVALID));
        }
        if (token.expired(call.now)) {
            throw new ApiException(ApiException.TOKEN_EXPIRED, "Access token has expired.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app_id", appId);
        data.put("creator_id", "open-" + token.user);
        data.put("scope", TT_SCOPE);
        return data;
    }
}
