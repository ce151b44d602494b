package com.tttools.app.identity.security;

import com.tttools.app.identity.secret.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The {@code XSRF-TOKEN} cookie repository with 256-bit tokens: Spring's generates UUIDs (122 random bits),
 * below the 128 bits ASVS asks for. Storage and reading stay Spring's.
 */
class RandomCsrfTokenRepository implements CsrfTokenRepository {

    private final CookieCsrfTokenRepository cookies;

    RandomCsrfTokenRepository(CookieCsrfTokenRepository cookies) {
        this.cookies = cookies;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        CsrfToken template = cookies.generateToken(request);
        return new DefaultCsrfToken(template.getHeaderName(), template.getParameterName(), Secrets.randomToken());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        cookies.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }
}
