package com.tttools.app.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.config.PlatformProperties;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/** The CSRF cookie as the configured repository writes it, for an http and an https base URL. */
class HttpsCookieFlagsTest {

    @Test
    void onHttpsTheCsrfCookieIsHostPrefixedSecureLaxAndReadableByOurScript() {
        Cookie cookie = written(new PlatformProperties(URI.create("https://ads.example.com"), null));
        assertThat(cookie.getName()).isEqualTo("__Host-XSRF-TOKEN");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.isHttpOnly()).isFalse();
        assertThat(cookie.getDomain()).isNull();
    }

    @Test
    void onPlainHttpForLocalUseItIsXsrfTokenWithoutSecure() {
        Cookie cookie = written(new PlatformProperties(URI.create("http://localhost:8080"), null));
        assertThat(cookie.getName()).isEqualTo("XSRF-TOKEN");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getSecure()).isFalse();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.isHttpOnly()).isFalse();
    }

    private static Cookie written(PlatformProperties platform) {
        CsrfTokenRepository repository = new ApplicationSecurityConfiguration().csrfTokenRepository(platform);
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        CsrfToken token = repository.generateToken(request);
        repository.saveToken(token, request, response);
        assertThat(response.getCookies()).hasSize(1);
        return response.getCookies()[0];
    }
}
