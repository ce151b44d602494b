package com.tttools.app.tiktok.client;

/** The TikTok for Business user behind a token ({@code user/info/}); the e-mail comes masked from TikTok. */
public record TikTokUser(String coreUserId, String displayName, String email) {
}
