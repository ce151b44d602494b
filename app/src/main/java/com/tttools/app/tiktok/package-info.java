/**
 * TikTok Marketing API and connections. Other modules call TikTok through a client bound to one connection
 * ({@link com.tttools.app.tiktok.TikTokMarketingApi#forConnection} returning a
 * {@link com.tttools.app.tiktok.TikTokClient}), so decrypted tokens never leave this module; the base package also
 * holds the typed errors, {@link com.tttools.app.tiktok.TikTokConnections} and its events. Internal: the token-level
 * client, OAuth and the shared rate limiter ({@code client}), the token store ({@code tokens}), the connect flow and
 * health checks ({@code connection}) and, outside production without credentials, the embedded simulator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "TikTok",
        allowedDependencies = { "shared", "identity", "tenancy", "jobs", "platform :: crypto", "platform :: outbound",
                "platform :: security", "platform :: web" })
package com.tttools.app.tiktok;
