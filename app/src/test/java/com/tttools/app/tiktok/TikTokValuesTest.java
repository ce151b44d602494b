package com.tttools.app.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.tiktok.client.AdvertiserGrant;
import com.tttools.app.tiktok.client.TtUserTokens;
import com.tttools.app.tiktok.client.TikTokProperties;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.RefreshToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.net.URI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TikTokValuesTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void idsAreStringsWhetherSentAsStringsOrNumbers() {
        JsonNode row = json.readTree("{\"a\":\"7001035076276387841\",\"b\":7001035076276387841,\"c\":null,\"d\":\"\"}");

        assertThat(TikTokValues.id(row.path("a"))).contains("7001035076276387841");
        assertThat(TikTokValues.id(row.path("b"))).contains("7001035076276387841");
        assertThat(TikTokValues.id(row.path("c"))).isEmpty();
        assertThat(TikTokValues.id(row.path("d"))).isEmpty();
        assertThat(TikTokValues.id(row.path("missing"))).isEmpty();
    }

    @Test
    void metricsAcceptStringsNumbersNullAndDash() {
        JsonNode metrics = json.readTree(
                "{\"spend\":\"12.34\",\"clicks\":17,\"ctr\":1.5,\"cpa\":\"-\",\"reach\":null,\"x\":\"n/a\",\"y\":true}");

        assertThat(TikTokValues.metric(metrics.path("spend"))).contains(new BigDecimal("12.34"));
        assertThat(TikTokValues.metric(metrics.path("clicks"))).contains(new BigDecimal("17"));
        assertThat(TikTokValues.metric(metrics.path("ctr"))).contains(new BigDecimal("1.5"));
        assertThat(TikTokValues.metric(metrics.path("cpa"))).isEmpty();
        assertThat(TikTokValues.metric(metrics.path("reach"))).isEmpty();
        assertThat(TikTokValues.metric(metrics.path("x"))).isEmpty();
        assertThat(TikTokValues.metric(metrics.path("y"))).isEmpty();
        assertThat(TikTokValues.metric(metrics.path("missing"))).isEmpty();
    }

    @Test
    void recordsHoldingSecretsRedactThemInToString() {
        AccessToken access = new AccessToken("act.secret");
        RefreshToken refresh = new RefreshToken("rft.secret");
        TikTokProperties properties = new TikTokProperties("123", "app-secret-value", URI.create("https://x"),
                URI.create("https://x/portal/auth"),
                new TikTokProperties.RateLimit(10, 20, 3, "redis://:redis-password@host", Duration.ofMillis(500),
                        "tttools:"),
                new TikTokProperties.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new TikTokProperties.Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 1.0, 10));

        String all = access + " " + refresh + " " + new AdvertiserGrant(access, java.util.List.of("1"), java.util.List.of())
                + new TtUserTokens(access, Duration.ofDays(1), refresh, Duration.ofDays(365), "open", "scope")
                + ApiCall.post("oauth2/revoke_token/").param("secret", "app-secret-value") + properties;

        assertThat(all).doesNotContain("act.secret").doesNotContain("rft.secret")
                .doesNotContain("app-secret-value").doesNotContain("redis-password");
    }
}
