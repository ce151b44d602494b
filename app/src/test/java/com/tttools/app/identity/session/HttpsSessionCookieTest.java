package com.tttools.app.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.config.PlatformProperties;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

/** The session cookie as the configured serializer writes it, for an http and an https base URL. */
class HttpsSessionCookieTest {

    @Test
    void onHttpsTheSessionCookieIsHostPrefixedSecureHttpOnlyAndLax() {
        String cookie = written(new PlatformProperties(URI.create("https://ads.example.com"), null));
        assertThat(cookie).startsWith("__Host-SESSION=").contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Domain=");
    }

    @Test
    void onPlainHttpForLocalUseItIsSessionWithoutSecure() {
        String cookie = written(new PlatformProperties(URI.create("http://localhost:8080"), null));
        assertThat(cookie).startsWith("SESSION=").contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure", "__Host-");
    }

    private static String written(PlatformProperties platform) {
        CookieSerializer serializer = new SessionConfiguration().cookieSerializer(platform);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "abc"));
        return response.getHeader("Set-Cookie");
    }
}
