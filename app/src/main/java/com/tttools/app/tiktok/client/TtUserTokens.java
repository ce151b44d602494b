package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.RefreshToken;
import java.time.Duration;

/** Tokens of a TikTok-account (tt_user) grant: access for ~24 h, refresh for up to a year. */
public record TtUserTokens(AccessToken accessToken, Duration expiresIn, RefreshToken refreshToken,
                           Duration refreshTokenExpiresIn, String openId, String scope) {
}
