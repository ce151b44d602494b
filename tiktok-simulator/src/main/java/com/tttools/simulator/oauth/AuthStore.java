package com.tttools.simulator.oauth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.tttools.simulator.SimApp;
import com.tttools.simulator.core.ApiException;

/** Registered apps, pending auth codes and issued tokens. */
public final class AuthStore {

    public static final long TT_ACCESS_SECONDS = 86_400;
    public static final long TT_REFRESH_SECONDS = 31_536_000;

    public record AuthCode(String code, Token.Kind kind, String appId, int user, List<Integer> advertisers, String redirectUri, long expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimApp> apps = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Token> byRefresh = new ConcurrentHashMap<>();
    private final List<Token> issued = new java.util.concurrent.CopyOnWriteArrayList<>();

    public AuthStore(List<SimApp> registered) {
        registered.forEach(a -> apps.put(a.appId(), a));
    }

    public SimApp app(String appId) {
        return appId == null ? null : apps.get(appId);
    }

    public List<SimApp> apps() {
        return new ArrayList<>(apps.values());
    }

    public void register(SimApp app) {
        apps.put(app.appId(), app);
    }

    /** Checks app id and secret of a server-to-server call. */
    public SimApp authenticateApp(String appId, String secret) {
        if (appId == null || appId.isBlank()) {
            throw ApiException.invalid("app_id: Missing data for required field.");
        }
        if (secret == null || secret.isBlank()) {
            throw ApiException.invalid("secret: Missing data for required field.");
        }
        SimApp app = apps.get(appId);
        if (app == null) {
            throw ApiException.invalid("app_id: The app " + appId + " does not exist.");
        }
        if (!app.secret().equals(secret)) {
            throw new ApiException(ApiException.NO_PERMISSION, "The app secret is incorrect.");
        }
        return app;
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public AuthCode newCode(Token.Kind kind, String appId, int user, List<Integer> advertisers, String redirectUri, long expiresAt) {
        AuthCode code = new AuthCode(randomHex(20), kind, appId, user, advertisers, redirectUri, expiresAt);
        codes.put(code.code(), code);
        return code;
    }

    /** Single use: the code is gone after the first attempt, successful or not. */
    public AuthCode redeem(String code, Token.Kind kind, String appId, long now) {
        AuthCode found = code == null ? null : codes.remove(code);
        if (found == null || found.kind() != kind || !found.appId().equals(appId) || now >= found.expiresAt()) {
            throw new ApiException(ApiException.AUTH_CODE_INVALID, "Authorization code is expired or has been used.");
        }
        return found;
    }

    public Token issueAdvertiserToken(AuthCode code, SimApp app, long now) {
        Token token = new Token(randomHex(20), Token.Kind.ADVERTISER, app.appId(), code.user(), code.advertisers(), app.scopes(), now, 0, null, 0);
        tokens.put(token.accessToken, token);
        issued.add(token);
        return token;
    }

    public Token issueTtUserToken(String appId, int user, List<Integer> scopes, long now, long refreshExpiresAt) {
        Token token = new Token("act." + randomHex(24), Token.Kind.TT_USER, appId, user, List.of(), scopes, now, now + TT_ACCESS_SECONDS,
                "rft." + randomHex(24), refreshExpiresAt);
        tokens.put(token.accessToken, token);
        byRefresh.put(token.refreshToken, token);
        issued.add(token);
        return token;
    }

    public Token token(String accessToken) {
        return accessToken == null ? null : tokens.get(accessToken);
    }

    public Token byRefreshToken(String refreshToken) {
        return refreshToken == null ? null : byRefresh.get(refreshToken);
    }

    /** A refreshed tt_user token replaces the old pair; the refresh token keeps its original expiry. */
    public Token refresh(Token old, long now) {
        old.revoke();
        byRefresh.remove(old.refreshToken);
        return issueTtUserToken(old.appId, old.user, old.scopes, now, old.refreshExpiresAt);
    }

    public List<Map<String, Object>> describe(long now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Token t : issued) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("access_token", t.accessToken);
            m.put("kind", t.kind.name());
            m.put("app_id", t.appId);
            m.put("user", t.user);
            m.put("advertiser_count", t.advertisers.size());
            m.put("status", t.revoked() ? "REVOKED" : t.expired(now) ? "EXPIRED" : "ACTIVE");
            m.put("issued_at", t.issuedAt);
            if (t.expiresAt > 0) {
                m.put("expires_at", t.expiresAt);
            }
            out.add(m);
        }
        return out;
    }
}
