/**
 * TikTok Marketing API: the client ({@link com.tttools.app.tiktok.TikTokMarketingApi},
 * {@link com.tttools.app.tiktok.client.TikTokOAuth}), its typed errors, the shared rate limiter, the token store and,
 * outside production without credentials, the embedded simulator. Internals live in {@code client}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "TikTok")
package com.tttools.app.tiktok;
