package com.tttools.simulator.oauth;

import java.util.List;

/** An issued token. Advertiser tokens never expire (only revocation ends them); tt_user tokens expire. */
public final class Token {

    public enum Kind { ADVERTISER, TT_USER }

    public final String accessToken;
    public final Kind kind;
    public final String appId;
    public final int user;
    public final List<Integer> advertisers;
    public final List<Integer> scopes;
    public final long issuedAt;
    public final long expiresAt;
    public final String refreshToken;
    public final long refreshExpiresAt;
    private volatile boolean revoked;

    public Token(String accessToken, Kind kind, String appId, int user, List<Integer> advertisers, List<Integer> scopes,
                 long issuedAt, long expiresAt, String refreshToken, long refreshExpiresAt) {
        this.accessToken = accessToken;
        this.kind = kind;
        this.appId = appId;
        this.user = user;
        this.advertisers = List.copyOf(advertisers);
        this.scopes = List.copyOf(scopes);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.refreshToken = refreshToken;
        this.refreshExpiresAt = refreshExpiresAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public void revoke() {
        revoked = true;
    }

    public boolean expired(long now) {
        return expiresAt > 0 && now >= expiresAt;
    }
}
