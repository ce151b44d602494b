package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * The layout links its styles and scripts under content-hashed names that browsers keep for a year without asking
 * again, pages are compressed for clients that accept it, and templates are parsed once (Thymeleaf's cache).
 */
class StaticAssetsIT extends IntegrationTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css/|js/|webjars/|favicon)[^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void theLayoutLinksHashedAssetsThatAreCachedForAYear() throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = ASSET.matcher(page);
        List<String> assets = matcher.results().map(m -> m.group(1)).toList();
        assertThat(assets).as("app.css, htmx and app.js").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(a -> a.matches(".*-[0-9a-f]{32}\\.(css|js|svg)"), "a content hash in the name");
        for (String asset : assets) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url(asset))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).as(asset)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("public")
                            .contains("immutable"));
        }
        String stale = assets.get(0).replaceAll("-[0-9a-f]{32}\\.", "-0123456789abcdef0123456789abcdef.");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url(stale))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("a hash that is not the file's").isEqualTo(404);
    }

    @Test
    void pageLinksAreLeftAsTheyAre() throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("href=\"/signup\"").contains("href=\"/privacy\"");
    }

    @Test
    void pagesAreCompressedForClientsThatAcceptGzip() throws Exception {
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(url("/signup"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(URI.create(url("/signup")))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length * 2 / 3);
    }

    @Test
    void templatesAreParsedOnceAndKept() {
        assertThat(templates.getTemplateResolvers()).isNotEmpty().allSatisfy(resolver ->
                assertThat(((AbstractConfigurableTemplateResolver) resolver).isCacheable()).isTrue());
    }
}
