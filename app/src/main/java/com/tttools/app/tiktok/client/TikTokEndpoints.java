package com.tttools.app.tiktok.client;

import java.net.URI;
import java.util.function.IntSupplier;

/**
 * Where the API and the authorization page are, and the app's credentials. Against TikTok these come from the
 * settings. In simulator mode they point at the embedded simulator on this application's own server, resolved
 * lazily because the port is known only once the server runs (and is random in tests).
 */
public final class TikTokEndpoints {

    public static final String SIMULATOR_PREFIX = "/tiktok-sim";
    /** The simulator's built-in development app. */
    static final String SIMULATOR_APP_ID = "7000000000000000001";
    static final String SIMULATOR_APP_SECRET = "simulator-secret";

    private final TikTokProperties properties;
    private final URI publicBaseUrl;
    private final IntSupplier localPort;

    TikTokEndpoints(TikTokProperties properties, URI publicBaseUrl, IntSupplier localPort) {
        this.properties = properties;
        this.publicBaseUrl = publicBaseUrl;
        this.localPort = localPort;
    }

    /** The simulator never stands in for TikTok in production: start-up stops instead. */
    static void requireCredentialsInProduction(TikTokProperties properties, boolean production) {
        if (production && properties.simulatorMode()) {
            throw new IllegalStateException("TIKTOK_APP_ID and TIKTOK_APP_SECRET must be set in production");
        }
    }

    public boolean simulator() {
        return properties.simulatorMode();
    }

    /** Host part of {@code /open_api/v1.3/...}. */
    URI apiBase() {
        return simulator() ? simulatorBase() : withoutTrailingSlash(properties.apiBaseUrl());
    }

    URI authPage() {
        return simulator() ? URI.create(simulatorBase() + "/portal/auth") : properties.authUrl();
    }

    String appId() {
        return simulator() ? SIMULATOR_APP_ID : properties.appId();
    }

    String appSecret() {
        return simulator() ? SIMULATOR_APP_SECRET : properties.appSecret();
    }

    /** {@code TTTOOLS_BASE_URL + /tiktok-sim}; a base URL on port 0 (random test port) gets the real one. */
    URI simulatorBase() {
        return publicUrl(SIMULATOR_PREFIX);
    }

    /**
     * {@code TTTOOLS_BASE_URL + path}, e.g. the OAuth {@code redirect_uri} registered with TikTok; a base URL on
     * port 0 (random test port) gets the real one.
     */
    public URI publicUrl(String path) {
        URI base = withoutTrailingSlash(publicBaseUrl);
        if (base.getPort() == 0) {
            base = URI.create(base.getScheme() + "://" + base.getHost() + ":" + localPort.getAsInt()
                    + (base.getRawPath() == null ? "" : base.getRawPath()));
        }
        return URI.create(base + path);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "TikTokEndpoints[simulator=" + simulator() + "]";
    }
}
